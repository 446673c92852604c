/**
 * How fast the board model is at workshop scale and beyond. The canvas re-reads the board on
 * every remote change, so readBoard at 5,000 items bounds how live a big board can feel.
 */
import { bench, describe } from 'vitest';
import * as Y from 'yjs';
import { createBoardReader } from '../../shared/boardReader';
import { createItem, moveItems, setText } from '../../shared/commands';
import { readBoard } from '../../shared/readBoard';
import { syntheticBoard, syntheticDoc } from './boards';

describe('readBoard', () => {
  for (const [items, links] of [
    [100, 100],
    [1000, 1000],
    [5000, 2000],
  ] as const) {
    const doc = syntheticDoc(items, links);
    bench(`${items} items, ${links} links`, () => {
      readBoard(doc);
    });
  }
});

describe('live reader at 5,000 items, 2,000 links', () => {
  const doc = syntheticDoc(5000, 2000);
  const reader = createBoardReader(doc);
  reader.read();
  let n = 0;
  bench('one keystroke, then read', () => {
    setText(doc, 'i1', `Kleine stap 1 ${n++ % 10}`);
    reader.read();
  });
  bench('move of 10 items, then read', () => {
    moveItems(doc, ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9', 'i10'], { dx: 1, dy: 0 });
    reader.read();
  });
});

describe('commands on a 5,000-item board', () => {
  const doc = syntheticDoc(5000, 2000);
  const ids = readBoard(doc).items.map((item) => item.id);
  let n = 0;
  bench('createItem', () => {
    createItem(doc, { kind: 'smallWin', x: 0, y: 0, id: `new-${n++}` });
  });
  bench('moveItems of 20 selected', () => {
    moveItems(doc, ids.slice(0, 20), { dx: 1, dy: 1 });
  });
  bench('setText (one keystroke)', () => {
    setText(doc, 'i1', `Kleine stap 1 ${n++ % 10}`);
  });
});

describe('document size and load', () => {
  const json = syntheticBoard(5000, 2000);
  const update = Y.encodeStateAsUpdate(syntheticDoc(5000, 2000));
  bench(`apply a 5,000-item state (${Math.round(update.length / 1024)} KiB)`, () => {
    Y.applyUpdate(new Y.Doc(), update);
  });
  bench('JSON board → Y.Doc, 5,000 items', () => {
    syntheticDoc(json.items.length, json.links.length);
  });
});

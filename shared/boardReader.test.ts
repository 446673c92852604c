import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardReader } from './boardReader';
import { createItem, deleteItems, linkItems, moveItems, setText, castVote } from './commands';
import { readBoard } from './readBoard';
import { getItems, initBoardDoc } from './ydoc';

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Live', language: 'en' });
  return doc;
}

describe('createBoardReader', () => {
  it('gives what readBoard gives, after every kind of change', () => {
    const doc = newBoard();
    const reader = createBoardReader(doc);
    const amb = createItem(doc, { kind: 'ambition', x: 0, y: 0 });
    const win = createItem(doc, { kind: 'smallWin', x: 400, y: 0 });
    expect(reader.read()).toEqual(readBoard(doc));
    linkItems(doc, { kind: 'contributes', from: win, to: amb });
    setText(doc, win, 'Stuwtjes');
    moveItems(doc, [amb], { dx: 5, dy: 5 });
    castVote(doc, win, 'p1');
    expect(reader.read()).toEqual(readBoard(doc));
    getItems(doc).set('junk', 'not a map');
    deleteItems(doc, [amb]);
    expect(reader.read()).toEqual(readBoard(doc));
    expect(reader.read().problems).toEqual([{ kind: 'item', id: 'junk', reason: 'not a map' }]);
  });

  it('sees changes that arrive from another replica', () => {
    const doc = newBoard();
    const reader = createBoardReader(doc);
    reader.read();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const id = createItem(remote, { kind: 'note', x: 0, y: 0, text: 'van ver' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(reader.read().items.map((item) => item.text)).toEqual(['van ver']);
    setText(remote, id, 'van heel ver');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(reader.read()).toEqual(readBoard(doc));
  });

  it('keeps unchanged items and the whole model identical by reference', () => {
    const doc = newBoard();
    const reader = createBoardReader(doc);
    const a = createItem(doc, { kind: 'note', x: 0, y: 0 });
    const b = createItem(doc, { kind: 'note', x: 0, y: 0 });
    const before = reader.read();
    expect(reader.read()).toBe(before);
    setText(doc, a, 'changed');
    const after = reader.read();
    expect(after).not.toBe(before);
    expect(after.items.find((i) => i.id === b)).toBe(before.items.find((i) => i.id === b));
    expect(after.items.find((i) => i.id === a)).not.toBe(before.items.find((i) => i.id === a));
  });

  it('notifies subscribers once per transaction and stops after unsubscribe or destroy', () => {
    const doc = newBoard();
    const reader = createBoardReader(doc);
    let calls = 0;
    const off = reader.subscribe(() => calls++);
    const id = createItem(doc, { kind: 'note', x: 0, y: 0 });
    moveItems(doc, [id], { dx: 1, dy: 1 });
    expect(calls).toBe(2);
    off();
    moveItems(doc, [id], { dx: 1, dy: 1 });
    expect(calls).toBe(2);
    reader.subscribe(() => calls++);
    reader.destroy();
    moveItems(doc, [id], { dx: 1, dy: 1 });
    expect(calls).toBe(2);
  });
});

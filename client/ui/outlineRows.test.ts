import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoardJson } from '../../shared/boardJson';
import { readBoard } from '../../shared/readBoard';
import { outlineKey } from './outlineKeys';
import { groupKey, itemKey, outlineRows } from './outlineRows';

function board() {
  const doc = new Y.Doc();
  const base = { w: 260, h: 120, index: 'a0', createdBy: 'u', createdAt: 0, x: 0, y: 0 };
  loadBoardJson(doc, {
    format: 'olievlek-board',
    schemaVersion: 1,
    meta: { schemaVersion: 1, title: 'T', language: 'en' },
    items: [
      { ...base, id: 'a', kind: 'ambition', text: 'Dry feet', horizon: '2050' },
      { ...base, id: 'w1', kind: 'smallWin', text: 'Weirs', status: 'idea', mechanisms: [] },
      { ...base, id: 'w2', kind: 'smallWin', text: 'Barrels', status: 'idea', mechanisms: [] },
    ],
    links: [
      { id: 'l1', kind: 'contributes', from: 'w1', to: 'a' },
      { id: 'l2', kind: 'spreads', from: 'w1', to: 'w2' },
    ],
    votes: {},
  });
  return readBoard(doc);
}

describe('outline rows', () => {
  it('flattens groups, items and links with their level, position, set size and parent', () => {
    const rows = outlineRows(board(), new Set());
    expect(rows.map((r) => [r.key, r.level, r.pos, r.size, r.parent, r.expanded])).toEqual([
      ['g:ambition', 1, 1, 2, -1, true],
      ['i:a', 2, 1, 1, 0, undefined],
      ['g:smallWin', 1, 2, 2, -1, true],
      ['i:w1', 2, 1, 2, 2, true],
      ['l:l1', 3, 1, 2, 3, undefined],
      ['l:l2', 3, 2, 2, 3, undefined],
      ['i:w2', 2, 2, 2, 2, undefined],
    ]);
  });

  it('leaves out the children of a folded group or item', () => {
    const keys = (folded: string[]) => outlineRows(board(), new Set(folded)).map((r) => r.key);
    expect(keys([itemKey('w1')])).toEqual(['g:ambition', 'i:a', 'g:smallWin', 'i:w1', 'i:w2']);
    expect(keys([groupKey('smallWin')])).toEqual(['g:ambition', 'i:a', 'g:smallWin']);
  });
});

describe('outline keys', () => {
  const rows = outlineRows(board(), new Set());

  it('walks every row with arrows, Home/End and pages, clamped at the ends', () => {
    expect(outlineKey(rows, -1, 'ArrowDown', 3)).toEqual({ type: 'move', index: 0 });
    expect(outlineKey(rows, 2, 'ArrowDown', 3)).toEqual({ type: 'move', index: 3 });
    expect(outlineKey(rows, 0, 'ArrowUp', 3)).toEqual({ type: 'move', index: 0 });
    expect(outlineKey(rows, 2, 'End', 3)).toEqual({ type: 'move', index: 6 });
    expect(outlineKey(rows, 5, 'Home', 3)).toEqual({ type: 'move', index: 0 });
    expect(outlineKey(rows, 5, 'PageDown', 3)).toEqual({ type: 'move', index: 6 });
    expect(outlineKey(rows, 5, 'PageUp', 3)).toEqual({ type: 'move', index: 2 });
  });

  it('folds with Left, unfolds or enters with Right, and climbs to the parent with Left', () => {
    expect(outlineKey(rows, 3, 'ArrowLeft', 3)).toEqual({ type: 'collapse', key: 'i:w1' });
    expect(outlineKey(rows, 3, 'ArrowRight', 3)).toEqual({ type: 'move', index: 4 });
    expect(outlineKey(rows, 5, 'ArrowLeft', 3)).toEqual({ type: 'move', index: 3 });
    const folded = outlineRows(board(), new Set(['i:w1']));
    expect(outlineKey(folded, 3, 'ArrowRight', 3)).toEqual({ type: 'expand', key: 'i:w1' });
  });

  it('activates with Enter and Space and leaves other keys to the board', () => {
    expect(outlineKey(rows, 1, 'Enter', 3)).toEqual({ type: 'activate' });
    expect(outlineKey(rows, 1, ' ', 3)).toEqual({ type: 'activate' });
    expect(outlineKey(rows, 1, 'Delete', 3)).toBeNull();
    expect(outlineKey([], -1, 'ArrowDown', 3)).toBeNull();
  });
});

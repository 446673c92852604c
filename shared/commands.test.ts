import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  castVote,
  CommandError,
  createItem,
  deleteItems,
  linkItems,
  LOCAL_ORIGIN,
  moveItems,
  resizeItem,
  retractVote,
  setText,
  setTitle,
  unlink,
  updateItem,
  updateLink,
} from './commands';
import { readBoard } from './readBoard';
import { getItems, getVotes, initBoardDoc } from './ydoc';

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Test', language: 'en' });
  return doc;
}

function item(doc: Y.Doc, id: string) {
  return readBoard(doc).items.find((i) => i.id === id);
}

/** Counts transactions and remembers their origins, to prove "one transaction with an origin". */
function recordTransactions(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changed.size > 0) origins.push(tr.origin);
  });
  return origins;
}

describe('createItem', () => {
  it('creates each kind with its defaults on top of the z-order', () => {
    const doc = newBoard();
    const a = createItem(doc, { kind: 'ambition', x: 0, y: 0, text: 'Droge voeten' });
    const w = createItem(doc, { kind: 'smallWin', x: 10, y: 10 });
    const board = readBoard(doc);
    expect(board.items.map((i) => i.id)).toEqual([a, w]);
    expect(item(doc, w)).toMatchObject({ kind: 'smallWin', w: 260, h: 120, status: 'idea', text: '' });
    expect(item(doc, a)?.text).toBe('Droge voeten');
  });

  it('stores text as a Y.Text so typing merges', () => {
    const doc = newBoard();
    const id = createItem(doc, { kind: 'note', x: 0, y: 0, text: 'hoi' });
    expect(getItems(doc).get(id)).toBeInstanceOf(Y.Map);
    expect((getItems(doc).get(id) as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
  });

  it('is one transaction with the caller’s origin', () => {
    const doc = newBoard();
    const origins = recordTransactions(doc);
    const me = { user: 'u1' };
    createItem(doc, { kind: 'note', x: 0, y: 0 }, me);
    createItem(doc, { kind: 'note', x: 0, y: 0 });
    expect(origins).toEqual([me, LOCAL_ORIGIN]);
  });

  it('refuses invalid input and writes nothing', () => {
    const doc = newBoard();
    const before = Y.encodeStateVector(doc);
    expect(() => createItem(doc, { kind: 'note', x: NaN, y: 0 })).toThrow(CommandError);
    expect(() => createItem(doc, { kind: 'smallWin', x: 0, y: 0, status: 'done' })).toThrow(CommandError);
    expect(() => createItem(doc, { kind: 'note', x: 0, y: 0, w: 2, h: 2 })).toThrow(/at least/);
    expect(() => createItem(doc, { kind: 'boundary', x: 0, y: 0, w: 1, h: 0 })).toThrow(/length/);
    expect(() => createItem(doc, { kind: 'nope' as 'note', x: 0, y: 0 })).toThrow(CommandError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses an id that exists', () => {
    const doc = newBoard();
    createItem(doc, { kind: 'note', x: 0, y: 0, id: 'n1' });
    expect(() => createItem(doc, { kind: 'note', x: 0, y: 0, id: 'n1' })).toThrow(/exists/);
  });

  it('copies arrays so mutating the caller’s array cannot change only this replica', () => {
    const doc = newBoard();
    const mechanisms = ['energizing'];
    const id = createItem(doc, { kind: 'smallWin', x: 0, y: 0, mechanisms } as never);
    mechanisms.push('robustness');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readBoard(doc).items).toEqual(readBoard(copy).items);
    expect(item(doc, id)).toMatchObject({ mechanisms: ['energizing'] });
  });
});

describe('updateItem', () => {
  it('changes kind-specific fields and writes only what changed', () => {
    const doc = newBoard();
    const id = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const origins = recordTransactions(doc);
    updateItem(doc, id, { status: 'realised', mechanisms: ['robustness', 'connecting'] });
    updateItem(doc, id, { status: 'realised' });
    expect(item(doc, id)).toMatchObject({ status: 'realised', mechanisms: ['robustness', 'connecting'] });
    expect(origins).toHaveLength(1);
  });

  it('refuses values the kind does not allow and identity changes', () => {
    const doc = newBoard();
    const id = createItem(doc, { kind: 'boundary', x: 0, y: 0 });
    expect(() => updateItem(doc, id, { boundaryType: 'emotional' })).toThrow(CommandError);
    expect(() => updateItem(doc, id, { kind: 'note' } as never)).toThrow(/kind/);
    expect(() => updateItem(doc, 'missing', { x: 1 })).toThrow(/no item/);
    updateItem(doc, id, { boundaryType: 'social', dimension: 'sphere' });
    expect(item(doc, id)).toMatchObject({ boundaryType: 'social', dimension: 'sphere' });
  });

  it('removes an optional field set to undefined', () => {
    const doc = newBoard();
    const id = createItem(doc, { kind: 'ambition', x: 0, y: 0, horizon: '2050' });
    updateItem(doc, id, { horizon: undefined });
    expect(item(doc, id)).not.toHaveProperty('horizon');
  });
});

describe('setText', () => {
  it('edits only the differing part, so two typists both keep their words', () => {
    const a = newBoard();
    const id = createItem(a, { kind: 'smallWin', x: 0, y: 0, text: 'Boeren houden water vast' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setText(a, id, 'Twaalf boeren houden water vast');
    setText(b, id, 'Boeren houden water vast met stuwtjes');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(item(a, id)?.text).toBe('Twaalf boeren houden water vast met stuwtjes');
    expect(item(b, id)?.text).toBe(item(a, id)?.text);
  });

  it('refuses text over the limit and unknown items', () => {
    const doc = newBoard();
    const id = createItem(doc, { kind: 'note', x: 0, y: 0 });
    expect(() => setText(doc, id, 'x'.repeat(10_001))).toThrow(/longer/);
    expect(() => setText(doc, 'nope', 'x')).toThrow(/no item/);
  });

  it('keeps emoji whole when only half of a surrogate pair matches', () => {
    const doc = newBoard();
    const id = createItem(doc, { kind: 'note', x: 0, y: 0, text: 'water 💧' });
    setText(doc, id, 'water 💦');
    expect(item(doc, id)?.text).toBe('water 💦');
  });
});

describe('moveItems', () => {
  it('moves a selection by one offset in one transaction, a marker with both ends', () => {
    const doc = newBoard();
    const n = createItem(doc, { kind: 'note', x: 10, y: 20 });
    const b = createItem(doc, { kind: 'boundary', x: 0, y: 0, w: 100, h: -50 });
    const origins = recordTransactions(doc);
    moveItems(doc, [n, b, n], { dx: 5, dy: -5 });
    expect(origins).toHaveLength(1);
    expect(item(doc, n)).toMatchObject({ x: 15, y: 15 });
    expect(item(doc, b)).toMatchObject({ x: 5, y: -5, w: 100, h: -50 });
  });

  it('refuses non-finite offsets and moves off the board, writing nothing', () => {
    const doc = newBoard();
    const n = createItem(doc, { kind: 'note', x: 0, y: 0 });
    expect(() => moveItems(doc, [n], { dx: Infinity, dy: 0 })).toThrow(CommandError);
    expect(() => moveItems(doc, [n], { dx: 1e8, dy: 0 })).toThrow(CommandError);
    expect(item(doc, n)).toMatchObject({ x: 0, y: 0 });
  });
});

describe('resizeItem', () => {
  it('sets a box, or a marker’s line', () => {
    const doc = newBoard();
    const n = createItem(doc, { kind: 'frame', x: 0, y: 0 });
    resizeItem(doc, n, { x: -10, y: -10, w: 800, h: 500 });
    expect(item(doc, n)).toMatchObject({ x: -10, y: -10, w: 800, h: 500 });
    const b = createItem(doc, { kind: 'boundary', x: 0, y: 0 });
    resizeItem(doc, b, { x: 0, y: 0, w: -200, h: 300 });
    expect(item(doc, b)).toMatchObject({ w: -200, h: 300 });
    expect(() => resizeItem(doc, n, { x: 0, y: 0, w: -5, h: 100 })).toThrow(CommandError);
  });
});

describe('deleteItems', () => {
  it('deletes items with their links and votes, leaving the rest', () => {
    const doc = newBoard();
    const amb = createItem(doc, { kind: 'ambition', x: 0, y: 0 });
    const w1 = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const w2 = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const l1 = linkItems(doc, { kind: 'contributes', from: w1, to: amb });
    const l2 = linkItems(doc, { kind: 'spreads', from: w2, to: w1 });
    const l3 = linkItems(doc, { kind: 'contributes', from: w2, to: amb });
    castVote(doc, w1, 'p1');
    castVote(doc, w2, 'p1');
    const origins = recordTransactions(doc);
    deleteItems(doc, [w1]);
    expect(origins).toHaveLength(1);
    const board = readBoard(doc);
    expect(board.items.map((i) => i.id).sort()).toEqual([amb, w2].sort());
    expect(board.links.map((l) => l.id)).toEqual([l3]);
    expect(board.links.map((l) => l.id)).not.toContain(l1);
    expect(board.links.map((l) => l.id)).not.toContain(l2);
    expect(board.votes).toEqual([{ itemId: w2, userId: 'p1', dots: 1 }]);
    expect(board.problems).toEqual([]);
  });

  it('ignores ids that are already gone', () => {
    const doc = newBoard();
    const origins = recordTransactions(doc);
    deleteItems(doc, ['nope']);
    expect(origins).toHaveLength(0);
  });
});

describe('linkItems, updateLink and unlink', () => {
  it('links only the kinds DOMAIN.md allows', () => {
    const doc = newBoard();
    const amb = createItem(doc, { kind: 'ambition', x: 0, y: 0 });
    const win = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const actor = createItem(doc, { kind: 'actor', x: 0, y: 0 });
    expect(() => linkItems(doc, { kind: 'contributes', from: amb, to: win })).toThrow(
      /cannot go from ambition/,
    );
    expect(() => linkItems(doc, { kind: 'spreads', from: win, to: win })).toThrow(/itself/);
    expect(() => linkItems(doc, { kind: 'involves', from: win, to: 'gone' })).toThrow(/no item/);
    const id = linkItems(doc, { kind: 'involves', from: win, to: actor, label: 'trekker' });
    expect(readBoard(doc).links).toEqual([{ id, kind: 'involves', from: win, to: actor, label: 'trekker' }]);
  });

  it('returns the existing link instead of a duplicate', () => {
    const doc = newBoard();
    const amb = createItem(doc, { kind: 'ambition', x: 0, y: 0 });
    const win = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const first = linkItems(doc, { kind: 'contributes', from: win, to: amb });
    expect(linkItems(doc, { kind: 'contributes', from: win, to: amb })).toBe(first);
    expect(readBoard(doc).links).toHaveLength(1);
  });

  it('changes a label or kind within the rules, and unlinks', () => {
    const doc = newBoard();
    const w1 = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const w2 = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    const id = linkItems(doc, { kind: 'spreads', from: w1, to: w2 });
    updateLink(doc, id, { kind: 'deepens', label: 'in de wet' });
    expect(readBoard(doc).links[0]).toMatchObject({ kind: 'deepens', label: 'in de wet' });
    updateLink(doc, id, { label: null });
    expect(readBoard(doc).links[0]).not.toHaveProperty('label');
    expect(() => updateLink(doc, id, { kind: 'contributes' })).toThrow(CommandError);
    unlink(doc, [id, 'unknown']);
    expect(readBoard(doc).links).toEqual([]);
  });
});

describe('castVote and retractVote', () => {
  it('count one user’s dots per item and remove the key at zero', () => {
    const doc = newBoard();
    const win = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    expect(castVote(doc, win, 'p1')).toBe(1);
    expect(castVote(doc, win, 'p1')).toBe(2);
    expect(castVote(doc, win, 'p2')).toBe(1);
    expect(retractVote(doc, win, 'p1')).toBe(1);
    expect(readBoard(doc).votes).toEqual([
      { itemId: win, userId: 'p1', dots: 1 },
      { itemId: win, userId: 'p2', dots: 1 },
    ]);
    expect(retractVote(doc, win, 'p2')).toBe(0);
    expect(retractVote(doc, win, 'p2')).toBe(0);
    expect([...getVotes(doc).keys()]).toEqual([`${win}|p1`]);
  });

  it('refuses votes on missing items and user ids with a bar', () => {
    const doc = newBoard();
    const win = createItem(doc, { kind: 'smallWin', x: 0, y: 0 });
    expect(() => castVote(doc, 'gone', 'p1')).toThrow(/no item/);
    expect(() => castVote(doc, win, 'p|1')).toThrow(CommandError);
    expect(() => castVote(doc, win, '')).toThrow(CommandError);
  });
});

describe('undo per user', () => {
  it('an UndoManager tracking one origin reverts only that user’s commands', () => {
    const doc = newBoard();
    const alice = { user: 'alice' };
    const bob = { user: 'bob' };
    const undo = new Y.UndoManager([doc.getMap('items'), doc.getMap('links'), doc.getMap('votes')], {
      trackedOrigins: new Set([alice]),
    });
    const a = createItem(doc, { kind: 'note', x: 0, y: 0, text: 'alice' }, alice);
    undo.stopCapturing();
    const b = createItem(doc, { kind: 'note', x: 0, y: 0, text: 'bob' }, bob);
    moveItems(doc, [a, b], { dx: 10, dy: 0 }, alice);
    undo.undo();
    expect(item(doc, a)).toMatchObject({ x: 0 });
    expect(item(doc, b)).toMatchObject({ x: 0 });
    undo.undo();
    expect(item(doc, a)).toBeUndefined();
    expect(item(doc, b)?.text).toBe('bob');
  });
});

describe('setTitle', () => {
  it('renames the board in one transaction with the origin, trimmed', () => {
    const doc = newBoard();
    const origins = recordTransactions(doc);
    setTitle(doc, '  Oogst Rivierenland ', 'me');
    expect(readBoard(doc).meta.title).toBe('Oogst Rivierenland');
    expect(origins).toEqual(['me']);
  });

  it.each([
    ['an empty title', '   '],
    ['a title over the limit', 'x'.repeat(201)],
    ['a number', 42 as unknown as string],
  ])('refuses %s and writes nothing', (_, title) => {
    const doc = newBoard();
    expect(() => setTitle(doc, title)).toThrow(CommandError);
    expect(readBoard(doc).meta.title).toBe('Test');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoardJson } from './boardJson';
import { createItem, linkItems } from './commands';
import { itemsById, readBoard } from './readBoard';
import { MAX_TITLE_LENGTH, getItems, getLinks, getMeta, getVotes, initBoardDoc } from './ydoc';

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Test', language: 'nl' });
  return doc;
}

/** Writes a raw item the way a careless or hostile third-party client could. */
function rawItem(doc: Y.Doc, key: string, fields: Record<string, unknown>): void {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  getItems(doc).set(key, map);
}

describe('readBoard', () => {
  it('reads the Rivierenland example completely', () => {
    const doc = new Y.Doc();
    const json = JSON.parse(
      readFileSync(new URL('../test/fixtures/rivierenland.json', import.meta.url), 'utf8'),
    );
    loadBoardJson(doc, json);
    const board = readBoard(doc);
    expect(board.meta).toEqual({ schemaVersion: 1, title: json.meta.title, language: 'nl' });
    expect(board.items).toHaveLength(json.items.length);
    expect(board.links).toHaveLength(json.links.length);
    expect(board.votes).toHaveLength(Object.keys(json.votes).length);
    expect(board.problems).toEqual([]);
  });

  it('orders items by z-index, then id', () => {
    const doc = newBoard();
    createItem(doc, { kind: 'note', x: 0, y: 0, id: 'b', index: 'a1' });
    createItem(doc, { kind: 'note', x: 0, y: 0, id: 'a', index: 'a1' });
    createItem(doc, { kind: 'note', x: 0, y: 0, id: 'c', index: 'Zz' });
    expect(readBoard(doc).items.map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('skips invalid items with a reason and keeps the valid ones', () => {
    const doc = newBoard();
    createItem(doc, { kind: 'note', x: 0, y: 0, id: 'ok' });
    rawItem(doc, 'unknown-kind', { id: 'unknown-kind', kind: 'sticky', x: 0, y: 0, w: 10, h: 10 });
    rawItem(doc, 'nan', { id: 'nan', kind: 'note', x: NaN, y: 0, w: 10, h: 10 });
    rawItem(doc, 'mismatch', { id: 'other', kind: 'note', x: 0, y: 0, w: 10, h: 10 });
    getItems(doc).set('plain', 'not a map');
    const board = readBoard(doc);
    expect(board.items.map((i) => i.id)).toEqual(['ok']);
    expect(board.problems.map((p) => [p.id, p.kind])).toEqual(
      expect.arrayContaining([
        ['unknown-kind', 'item'],
        ['nan', 'item'],
        ['mismatch', 'item'],
        ['plain', 'item'],
      ]),
    );
    expect(board.problems.find((p) => p.id === 'mismatch')?.reason).toMatch(/key/);
  });

  it('accepts text written as a plain string and cuts overlong text instead of dropping the card', () => {
    const doc = newBoard();
    rawItem(doc, 'p', { id: 'p', kind: 'note', x: 0, y: 0, w: 10, h: 10, text: 'plain' });
    rawItem(doc, 'long', {
      id: 'long',
      kind: 'note',
      x: 0,
      y: 0,
      w: 10,
      h: 10,
      text: new Y.Text('y'.repeat(20_000)),
    });
    const board = readBoard(doc);
    expect(itemsById(board).get('p')?.text).toBe('plain');
    expect(itemsById(board).get('long')?.text).toHaveLength(10_000);
    expect(board.problems).toEqual([{ kind: 'item', id: 'long', reason: 'text cut to 10000 characters' }]);
  });

  it('skips dangling, self and disallowed links, and votes on missing items', () => {
    const doc = newBoard();
    const amb = createItem(doc, { kind: 'ambition', x: 0, y: 0, id: 'amb' });
    const win = createItem(doc, { kind: 'smallWin', x: 0, y: 0, id: 'win' });
    linkItems(doc, { kind: 'contributes', from: win, to: amb, id: 'good' });
    const raw = (id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id, ...fields })) map.set(k, v);
      getLinks(doc).set(id, map);
    };
    raw('dangling', { kind: 'contributes', from: win, to: 'gone' });
    raw('self', { kind: 'spreads', from: win, to: win });
    raw('reversed', { kind: 'contributes', from: amb, to: win });
    raw('badkind', { kind: 'causes', from: win, to: amb });
    getVotes(doc).set('gone|p1', 2);
    getVotes(doc).set('win|p1', 1.5);
    getVotes(doc).set('nobar', 1);
    getVotes(doc).set('win|p2', 3);
    const board = readBoard(doc);
    expect(board.links.map((l) => l.id)).toEqual(['good']);
    expect(board.votes).toEqual([{ itemId: 'win', userId: 'p2', dots: 3 }]);
    const reasons = Object.fromEntries(board.problems.map((p) => [p.id, p.reason]));
    expect(reasons.dangling).toMatch(/dangling/);
    expect(reasons.self).toMatch(/itself/);
    expect(reasons.reversed).toMatch(/not allowed/);
    expect(reasons.badkind).toMatch(/kind/);
    expect(Object.keys(reasons)).toEqual(expect.arrayContaining(['gone|p1', 'win|p1', 'nobar']));
  });

  it('treats a link to an invalid item as dangling', () => {
    const doc = newBoard();
    createItem(doc, { kind: 'ambition', x: 0, y: 0, id: 'amb' });
    rawItem(doc, 'win', { id: 'win', kind: 'smallWin', x: Infinity, y: 0, w: 10, h: 10 });
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: 'l', kind: 'contributes', from: 'win', to: 'amb' }))
      map.set(k, v);
    getLinks(doc).set('l', map);
    expect(readBoard(doc).links).toEqual([]);
  });

  it('repairs missing or wrong meta and reports it', () => {
    const doc = new Y.Doc();
    getMeta(doc).set('language', 'de');
    const board = readBoard(doc);
    expect(board.meta).toEqual({ schemaVersion: 0, title: '', language: 'en' });
    expect(board.problems.map((p) => p.id).sort()).toEqual(['language', 'schemaVersion', 'title']);
  });

  it('returns frozen data that cannot be mutated into the document', () => {
    const doc = newBoard();
    createItem(doc, { kind: 'smallWin', x: 0, y: 0, id: 'w', mechanisms: ['energizing'] } as never);
    const board = readBoard(doc);
    const win = board.items[0];
    expect(Object.isFrozen(board.items)).toBe(true);
    expect(Object.isFrozen(win)).toBe(true);
    expect(() => (win as { mechanisms: string[] }).mechanisms.push('robustness')).toThrow(TypeError);
    expect(readBoard(doc).items[0]).toMatchObject({ mechanisms: ['energizing'] });
  });

  it('shortens huge ids in problem reports', () => {
    const doc = newBoard();
    const key = 'k'.repeat(100_000);
    rawItem(doc, key, { id: key, kind: 'note' });
    const [problem] = readBoard(doc).problems;
    expect(problem?.id.length).toBeLessThan(100);
  });

  it('cuts a title a writer let through to MAX_TITLE_LENGTH', () => {
    const doc = newBoard();
    getMeta(doc).set('title', 't'.repeat(6 * 1024 * 1024));
    expect(readBoard(doc).meta.title).toBe('t'.repeat(MAX_TITLE_LENGTH));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardJsonError, loadBoardJson, toBoardJson } from './boardJson';
import { readBoard } from './readBoard';

const example = JSON.parse(
  readFileSync(new URL('../test/fixtures/rivierenland.json', import.meta.url), 'utf8'),
);

describe('board JSON', () => {
  it('round-trips the example board through a Y.Doc', () => {
    const doc = new Y.Doc();
    expect(loadBoardJson(doc, example).problems).toEqual([]);
    const json = toBoardJson(readBoard(doc));
    expect(json.meta).toEqual(example.meta);
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(json.items)).toEqual(byId(example.items));
    expect(byId(json.links)).toEqual(byId(example.links));
    expect(json.votes).toEqual(example.votes);
  });

  it('is written in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    loadBoardJson(doc, example);
    expect(transactions).toBe(1);
  });

  it('rejects what is not a board, and a non-empty document', () => {
    expect(() => loadBoardJson(new Y.Doc(), { format: 'excalidraw' })).toThrow(BoardJsonError);
    expect(() => loadBoardJson(new Y.Doc(), { ...example, schemaVersion: 2 })).toThrow(BoardJsonError);
    expect(() => loadBoardJson(new Y.Doc(), null)).toThrow(BoardJsonError);
    const doc = new Y.Doc();
    loadBoardJson(doc, example);
    expect(() => loadBoardJson(doc, example)).toThrow(/not empty/);
  });

  it('skips bad entries, reports them and keeps the rest', () => {
    const hostile = {
      ...example,
      items: [
        ...example.items,
        { id: 'x', kind: 'note', x: 'NaN' },
        { id: 'sw-kring', kind: 'note', x: 0, y: 0, w: 9, h: 9 },
      ],
      links: [...example.links, { id: 'ly', kind: 'contributes', from: 'sw-kring', to: 'nowhere' }],
      votes: { ...example.votes, 'sw-kring|p9': 'lots', bad: 1 },
    };
    const doc = new Y.Doc();
    const { problems } = loadBoardJson(doc, hostile);
    expect(problems.map((p) => `${p.kind}:${p.id}`).sort()).toEqual(
      ['item:x', 'item:sw-kring', 'link:ly', 'vote:sw-kring|p9', 'vote:bad'].sort(),
    );
    expect(readBoard(doc).items).toHaveLength(example.items.length);
  });
});

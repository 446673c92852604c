/**
 * Fuzz: documents full of random and hostile values (unknown kinds, NaN, Infinity, 1 MB
 * strings, wrong types, nested shared types, `<script>` text). readBoard never throws, its
 * output always validates, migrations either succeed or refuse cleanly, and commands on such
 * a document fail only with CommandError.
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError, deleteItems, linkItems, moveItems, setText, updateItem } from '../../shared/commands';
import { migrateDoc, MigrationError } from '../../shared/migrations';
import { readBoard } from '../../shared/readBoard';
import { parseItem, parseLink } from '../../shared/schema';
import { getItems, getLinks, getMeta, getVotes } from '../../shared/ydoc';
import { forEachSeed } from '../support/seeds';
import { hostileField, hostileKey, hostileValue, plausibleItem, plausibleLink } from './hostile';

const SUITE = 'test/fuzz/readBoard.fuzz.test.ts';

function yMapOf(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** A document in which every entry has had some fields replaced by hostile ones. */
function hostileDoc(gen: prng.PRNG): Y.Doc {
  const doc = new Y.Doc();
  const meta = getMeta(doc);
  for (const key of ['schemaVersion', 'title', 'language']) {
    if (prng.bool(gen)) meta.set(key, hostileField(gen));
  }
  const ids: string[] = [];
  const count = prng.int32(gen, 1, 25);
  for (let n = 0; n < count; n++) {
    const key = hostileKey(gen, n);
    const fields = plausibleItem(gen, key);
    for (let m = prng.int32(gen, 0, 3); m > 0; m--) {
      const field = prng.oneOf(gen, [...Object.keys(fields), 'kind', 'id', 'extra', '__proto__']);
      fields[field] = hostileField(gen);
    }
    getItems(doc).set(key, prng.int32(gen, 0, 15) === 0 ? hostileValue(gen) : yMapOf(fields));
    ids.push(key);
  }
  for (let n = prng.int32(gen, 0, 20); n > 0; n--) {
    const key = hostileKey(gen, n);
    const fields = plausibleLink(gen, key, ids);
    if (prng.bool(gen)) fields[prng.oneOf(gen, ['kind', 'from', 'to', 'label', 'id'])] = hostileField(gen);
    getLinks(doc).set(key, prng.int32(gen, 0, 15) === 0 ? hostileValue(gen) : yMapOf(fields));
  }
  for (let n = prng.int32(gen, 0, 10); n > 0; n--) {
    const target = ids.length ? prng.oneOf(gen, ids) : 'x';
    getVotes(doc).set(
      prng.bool(gen) ? `${target}|u${n}` : hostileKey(gen, n),
      prng.bool(gen) ? n : hostileValue(gen),
    );
  }
  return doc;
}

/** Every invariant a reader promises, on one read model. */
function checkReadModel(doc: Y.Doc): void {
  const board = readBoard(doc);
  const ids = new Set(board.items.map((item) => item.id));
  for (const item of board.items) {
    const again = parseItem(item);
    if (!again.ok) throw new Error(`readBoard returned an invalid item: ${again.reason}`);
    if (!Object.isFrozen(item)) throw new Error('readBoard returned a mutable item');
  }
  for (const link of board.links) {
    if (!parseLink(link).ok || !ids.has(link.from) || !ids.has(link.to))
      throw new Error(`bad link ${link.id}`);
  }
  for (const vote of board.votes) {
    if (!ids.has(vote.itemId) || !Number.isInteger(vote.dots)) throw new Error('bad vote');
  }
  if (!['nl', 'en'].includes(board.meta.language) || typeof board.meta.title !== 'string')
    throw new Error('bad meta');
  // Readers keep text literally: escaping is the renderer's job, never the model's.
  for (const item of board.items) {
    if (item.text.includes('&lt;')) throw new Error('readBoard escaped text');
  }
  const json = JSON.stringify(board);
  if (json.length > 40 * 1024 * 1024) throw new Error('read model unexpectedly large');
}

/** Commands on a hostile document refuse with CommandError; any other error is a bug. */
function poke(gen: prng.PRNG, doc: Y.Doc): void {
  const keys = [...getItems(doc).keys()];
  const id = keys.length ? prng.oneOf(gen, keys) : 'none';
  const attempts = [
    () => updateItem(doc, id, { status: 'idea' }),
    () => moveItems(doc, [id], { dx: 1, dy: 1 }),
    () => setText(doc, id, 'poke'),
    () => linkItems(doc, { kind: 'contributes', from: id, to: prng.oneOf(gen, keys.length ? keys : ['x']) }),
    () => deleteItems(doc, [id]),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
    }
  }
}

describe('readBoard on hostile documents', () => {
  it('never throws, and what it returns is valid', () => {
    const ran = forEachSeed(SUITE, 200, (seed) => {
      const gen = prng.create(seed);
      const doc = hostileDoc(gen);
      checkReadModel(doc);
      try {
        migrateDoc(doc);
      } catch (error) {
        if (!(error instanceof MigrationError)) throw error;
      }
      checkReadModel(doc);
      poke(gen, doc);
      checkReadModel(doc);
      // What a peer receives over the wire reads the same as the sender's document.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      checkReadModel(copy);
      doc.destroy();
      copy.destroy();
    });
    expect(ran).toBeGreaterThan(0);
  });

  it('keeps <script> text literally in an otherwise valid item', () => {
    const doc = new Y.Doc();
    getItems(doc).set(
      's',
      yMapOf({
        id: 's',
        kind: 'note',
        x: 0,
        y: 0,
        w: 50,
        h: 50,
        text: new Y.Text('<script>alert(1)</script>'),
      }),
    );
    expect(readBoard(doc).items[0]?.text).toBe('<script>alert(1)</script>');
  });
});

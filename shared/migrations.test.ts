import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  checkMigrations,
  CURRENT_SCHEMA_VERSION,
  docSchemaVersion,
  migrateDoc,
  MigrationError,
  migrations,
  type Migration,
} from './migrations';
import { readBoard } from './readBoard';
import { getItems, getMeta, initBoardDoc } from './ydoc';

function fixtureV0(): Y.Doc {
  const fixture = JSON.parse(
    readFileSync(new URL('../test/fixtures/board-v0.json', import.meta.url), 'utf8'),
  );
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(fixture.update, 'base64'));
  return doc;
}

/** Test migrations that record their order and leave a trace in the document. */
function tracing(log: number[], count: number): Migration[] {
  return Array.from({ length: count }, (_, i) => ({
    version: i + 1,
    name: `step ${i + 1}`,
    up(doc: Y.Doc) {
      log.push(i + 1);
      getMeta(doc).set(`step${i + 1}`, docSchemaVersion(doc));
    },
  }));
}

describe('the migration list', () => {
  it('is well formed and ends at the current version', () => {
    expect(() => checkMigrations(migrations)).not.toThrow();
    expect(CURRENT_SCHEMA_VERSION).toBe(migrations.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
  });

  it('refuses gaps, repeats and lists that do not start at 1', () => {
    const step = (version: number): Migration => ({ version, name: `v${version}`, up: () => {} });
    expect(() => checkMigrations([step(1), step(3)])).toThrow(MigrationError);
    expect(() => checkMigrations([step(1), step(1)])).toThrow(MigrationError);
    expect(() => checkMigrations([step(2)])).toThrow(MigrationError);
  });
});

describe('migrateDoc', () => {
  it('runs each pending migration once, in order, each seeing the version before it', () => {
    const log: number[] = [];
    const doc = new Y.Doc();
    getMeta(doc).set('schemaVersion', 1);
    const result = migrateDoc(doc, { migrations: tracing(log, 4) });
    expect(log).toEqual([2, 3, 4]);
    expect(result).toEqual({ from: 1, to: 4, applied: ['step 2', 'step 3', 'step 4'] });
    expect(getMeta(doc).toJSON()).toMatchObject({ schemaVersion: 4, step2: 1, step3: 2, step4: 3 });
    expect(migrateDoc(doc, { migrations: tracing(log, 4) }).applied).toEqual([]);
    expect(log).toEqual([2, 3, 4]);
  });

  it('lands as a single update with the given origin', () => {
    const doc = new Y.Doc();
    const updates: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    const origin = { reason: 'load' };
    migrateDoc(doc, { migrations: tracing([], 3), origin });
    expect(updates).toEqual([origin]);
  });

  it('leaves the document untouched when any migration fails', () => {
    const doc = new Y.Doc();
    getMeta(doc).set('title', 'keep');
    const before = Y.encodeStateAsUpdate(doc);
    const list = tracing([], 2);
    list.push({
      version: 3,
      name: 'broken',
      up: () => {
        throw new Error('boom');
      },
    });
    expect(() => migrateDoc(doc, { migrations: list })).toThrow(/broken.*boom/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses a document newer than this program', () => {
    const doc = new Y.Doc();
    getMeta(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    expect(() => migrateDoc(doc)).toThrow(/knows up to/);
  });

  it('does nothing to a current document', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { schemaVersion: CURRENT_SCHEMA_VERSION, title: 't', language: 'en' });
    const before = Y.encodeStateVector(doc);
    expect(migrateDoc(doc).applied).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('v1 on the frozen v0 fixture', () => {
  it('turns the prototype board into a valid v1 board with nothing skipped', () => {
    const doc = fixtureV0();
    expect(readBoard(doc).items).toHaveLength(0); // v0 entries lack ids: unreadable before migrating
    const result = migrateDoc(doc);
    expect(result).toMatchObject({ from: 0, to: 1 });
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(board.meta).toEqual({ schemaVersion: 1, title: 'Prototype: Maas en heggen', language: 'nl' });
    // w2 kept its index; the others went on top, oldest lowest (n1 has no createdAt, so 0).
    expect(board.items.map((i) => i.id)).toEqual(['w2', 'n1', 'w1', 'amb']);
    expect(board.items.find((i) => i.id === 'w1')).toMatchObject({
      kind: 'smallWin',
      text: 'Boeren planten 3 km Maasheggen',
      status: 'realised',
      mechanisms: ['energizing'],
      createdBy: '',
    });
    expect(board.links.map((l) => [l.id, l.kind, l.from, l.to])).toEqual([
      ['l1', 'deepens', 'w1', 'w2'],
      ['l2', 'contributes', 'w2', 'amb'],
    ]);
    expect(board.votes).toEqual([{ itemId: 'w1', userId: 'p1', dots: 2 }]);
    const text = (getItems(doc).get('amb') as Y.Map<unknown>).get('text');
    expect(text).toBeInstanceOf(Y.Text);
  });

  it('gives the same result on every replica that applies the migration update', () => {
    const server = fixtureV0();
    const update: Uint8Array[] = [];
    server.on('update', (u: Uint8Array) => update.push(u));
    migrateDoc(server);
    const client = fixtureV0();
    update.forEach((u) => Y.applyUpdate(client, u));
    expect(readBoard(client)).toEqual(readBoard(server));
  });
});

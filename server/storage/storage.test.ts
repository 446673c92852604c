/**
 * One contract, every adapter: what the rooms rely on from any Storage. PostgreSQL joins when it
 * answers (a fresh schema per store, dropped after the run); without it its cases are skipped
 * with a message, or fail under REQUIRE_SERVICES=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testSchemas } from '../../test/server/postgresSchemas';
import { postgresAvailable } from '../../test/support/services';
import { createMemoryStorage } from './memoryStorage';
import { createPostgresStorage } from './postgresStorage';
import { createSqliteStorage } from './sqliteStorage';
import type { BoardRecord, Storage } from './storage';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const schemas = testSchemas();
afterAll(() => schemas.drop());

const adapters: [string, () => Storage | Promise<Storage>][] = [
  ['memory', () => createMemoryStorage()],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-store-'));
      dirs.push(dir);
      return createSqliteStorage(dir);
    },
  ],
];
if (await postgresAvailable()) adapters.push(['postgres', () => createPostgresStorage(schemas.url())]);

const board = (id: string): BoardRecord => ({
  id,
  title: 'Rivierenland',
  language: 'nl',
  createdAt: 1_700_000_000_000,
  tokenHashes: {
    facilitator: new Uint8Array([1]),
    participant: new Uint8Array([2]),
    viewer: new Uint8Array([3]),
  },
});
const bytes = (...values: number[]) => Uint8Array.from(values);

describe.each(adapters)('%s storage', (_name, open) => {
  it('creates a board with its first update', async () => {
    const store = await open();
    await store.createBoard(board('board00001'), bytes(1));
    expect(await store.getBoard('board00001')).toEqual(board('board00001'));
    expect(await store.getBoard('missing000')).toBeNull();
    const loaded = await store.load('board00001');
    expect(loaded.updates).toEqual([bytes(1)]);
    await expect(store.createBoard(board('board00001'), bytes(9))).rejects.toThrow();
    await store.close();
  });

  it('appends in order and returns growing sequence numbers', async () => {
    const store = await open();
    const a = await store.appendUpdate('room', bytes(1));
    const b = await store.appendUpdate('other', bytes(9));
    const c = await store.appendUpdate('room', bytes(2));
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    expect(await store.load('room')).toEqual({ updates: [bytes(1), bytes(2)], lastSeq: c });
    expect(await store.load('empty')).toEqual({ updates: [], lastSeq: 0 });
    await store.close();
  });

  it('compacts a prefix into one state and keeps later appends', async () => {
    const store = await open();
    await store.appendUpdate('room', bytes(1));
    const through = await store.appendUpdate('room', bytes(2));
    await store.appendUpdate('other', bytes(9));
    const later = await store.appendUpdate('room', bytes(3));
    await store.compact('room', bytes(1, 2), through);
    expect(await store.load('room')).toEqual({ updates: [bytes(1, 2), bytes(3)], lastSeq: later });
    expect((await store.load('other')).updates).toEqual([bytes(9)]);
    await store.compact('room', bytes(1, 2, 3), later);
    expect(await store.load('room')).toEqual({ updates: [bytes(1, 2, 3)], lastSeq: later });
    const next = await store.appendUpdate('room', bytes(4));
    expect(next).toBeGreaterThan(later);
    await store.close();
  });

  it('keeps the listed title and lists no snapshots yet', async () => {
    const store = await open();
    await store.createBoard(board('board00002'), bytes(1));
    await store.updateBoardTitle('board00002', 'Deltaplan');
    expect((await store.getBoard('board00002'))?.title).toBe('Deltaplan');
    expect(await store.listSnapshots('board00002')).toEqual([]);
    await store.close();
  });
});

describe.each(adapters)('%s storage: tokens and ballots', (_name, open) => {
  it('replaces one role token hash and leaves the others', async () => {
    const store = await open();
    await store.createBoard(board('board00004'), bytes(1));
    expect(await store.setTokenHash('board00004', 'viewer', new Uint8Array([7]))).toBe(true);
    expect((await store.getBoard('board00004'))?.tokenHashes).toEqual({
      facilitator: new Uint8Array([1]),
      participant: new Uint8Array([2]),
      viewer: new Uint8Array([7]),
    });
    expect(await store.setTokenHash('missing000', 'viewer', new Uint8Array([7]))).toBe(false);
    await store.close();
  });

  it('sets, replaces and removes ballots per vote, listed in order', async () => {
    const store = await open();
    await store.createBoard(board('board00005'), bytes(1));
    const ballot = (voteId: string, itemId: string, userId: string, dots: number) => ({
      boardId: 'board00005',
      voteId,
      itemId,
      userId,
      dots,
    });
    await store.setBallot(ballot('v1', 'b', 'u2', 1));
    await store.setBallot(ballot('v1', 'a', 'u1', 2));
    await store.setBallot(ballot('v1', 'b', 'u1', 1));
    await store.setBallot(ballot('v2', 'a', 'u1', 5));
    await store.setBallot(ballot('v1', 'a', 'u1', 3));
    await store.setBallot(ballot('v1', 'b', 'u2', 0));
    expect(await store.listBallots('board00005', 'v1')).toEqual([
      ballot('v1', 'a', 'u1', 3),
      ballot('v1', 'b', 'u1', 1),
    ]);
    expect(await store.listBallots('board00005', 'v2')).toEqual([ballot('v2', 'a', 'u1', 5)]);
    expect(await store.listBallots('other00000', 'v1')).toEqual([]);
    await store.close();
  });
});

describe.each(adapters)('%s storage: snapshots', (_name, open) => {
  it('deletes one snapshot of one board', async () => {
    const store = await open();
    await store.createBoard(board('board00006'), bytes(1));
    for (const id of ['s1', 's2'])
      await store.createSnapshot({ id, boardId: 'board00006', label: id, createdAt: 1, state: bytes(1) });
    await store.deleteSnapshot('other00000', 's1');
    await store.deleteSnapshot('board00006', 's1');
    expect((await store.listSnapshots('board00006')).map((s) => s.id)).toEqual(['s2']);
    expect(await store.getSnapshot('board00006', 's1')).toBeNull();
    await store.close();
  });
});

describe('sqlite storage', () => {
  it('opens a file made before link generations existed, and keeps its boards', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-store-'));
    dirs.push(dir);
    const old = new Database(path.join(dir, 'olievlek.sqlite'));
    old.exec(`CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, language TEXT NOT NULL,
      created_at INTEGER NOT NULL, facilitator_hash BLOB NOT NULL, participant_hash BLOB NOT NULL,
      viewer_hash BLOB NOT NULL)`);
    old
      .prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('board00007', 'Oud', 'nl', 1, Buffer.from([1]), Buffer.from([2]), Buffer.from([3]));
    old.close();
    const store = createSqliteStorage(dir);
    const before = await store.getBoard('board00007');
    expect(before?.title).toBe('Oud');
    expect(before?.generations).toBeUndefined();
    await store.setTokenHash('board00007', 'viewer', new Uint8Array([9]), 1);
    expect((await store.getBoard('board00007'))?.generations).toEqual({ viewer: 1 });
    await store.close();
  });

  it('keeps everything across reopening', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-store-'));
    dirs.push(dir);
    const first = createSqliteStorage(dir);
    await first.createBoard(board('board00003'), bytes(1));
    await first.appendUpdate('board00003', bytes(2));
    await first.close();
    const second = createSqliteStorage(dir);
    expect((await second.load('board00003')).updates).toEqual([bytes(1), bytes(2)]);
    await second.close();
  });
});

/**
 * SQLite's group commit: appends made in the same turn of the event loop share one
 * transaction, yet each resolves with its own sequence number, in order, and only once the
 * rows are on disk (another connection to the file sees them); when the transaction fails,
 * every append of it rejects.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from './sqliteStorage';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-group-'));
  dirs.push(dir);
  return { dir, storage: createSqliteStorage(dir) };
}

/** Rows of the updates table as another connection sees them. */
function rowsOnDisk(dir: string): { seq: number; room: string }[] {
  const db = new Database(path.join(dir, 'olievlek.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { seq: number; room: string }>('SELECT seq, room FROM updates ORDER BY seq').all();
  } finally {
    db.close();
  }
}

describe('sqlite group commit', () => {
  it('resolves appends of one turn with their own sequence numbers once they are on disk', async () => {
    const { dir, storage } = open();
    const appends = [
      storage.appendUpdate('a', new Uint8Array([1])),
      storage.appendUpdate('b', new Uint8Array([2])),
      storage.appendUpdate('a', new Uint8Array([3])),
    ];
    // Nothing is committed before the turn ends.
    expect(rowsOnDisk(dir)).toEqual([]);
    const seqs = await Promise.all(appends);
    expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
    expect(rowsOnDisk(dir)).toEqual([
      { seq: seqs[0], room: 'a' },
      { seq: seqs[1], room: 'b' },
      { seq: seqs[2], room: 'a' },
    ]);
    const loaded = await storage.load('a');
    expect(loaded.updates.map((u) => [...u])).toEqual([[1], [3]]);
    expect(loaded.lastSeq).toBe(seqs[2]);
    await storage.close();
  });

  it('rejects every append of a transaction that fails, and stores none of them', async () => {
    const { dir, storage } = open();
    const db = new Database(path.join(dir, 'olievlek.sqlite'));
    // One row of the group cannot be stored (as a full disk would refuse it): the group fails.
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON updates WHEN NEW.room = 'b'
             BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const appends = [
      storage.appendUpdate('a', new Uint8Array([1])),
      storage.appendUpdate('b', new Uint8Array([2])),
    ];
    const settled = await Promise.allSettled(appends);
    db.exec('DROP TRIGGER refuse');
    db.close();
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(rowsOnDisk(dir)).toEqual([]);
    // The store goes on working once the cause is gone.
    expect(await storage.appendUpdate('a', new Uint8Array([3]))).toBeGreaterThan(0);
    await storage.close();
  });

  it('commits what waits before closing', async () => {
    const { dir, storage } = open();
    const append = storage.appendUpdate('a', new Uint8Array([1]));
    await storage.close();
    expect(await append).toBeGreaterThan(0);
    expect(rowsOnDisk(dir)).toHaveLength(1);
  });
});

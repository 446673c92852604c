/**
 * A room's document as the server's SQLite file holds it right now, read beside the running
 * (or killed) server: what would survive `kill -9`, with no shutdown flush to help.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import * as Y from 'yjs';

/** The SQLite file the server keeps in `dataDir`. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'olievlek.sqlite');
}

/** Every stored update of `room`, merged into one (an empty update when there are none). */
export function storedState(dataDir: string, room: string): Uint8Array {
  const db = new Database(sqliteFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[string], { data: Uint8Array }>('SELECT data FROM updates WHERE room = ? ORDER BY seq')
      .all(room);
    return Y.mergeUpdates(rows.map((row) => new Uint8Array(row.data)));
  } finally {
    db.close();
  }
}

/** The result of SQLite's own consistency check of the file ("ok" when sound). */
export function integrityCheck(dataDir: string): string {
  const db = new Database(sqliteFile(dataDir), { fileMustExist: true });
  try {
    const rows = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

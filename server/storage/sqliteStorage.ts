/**
 * The default store: one SQLite file (WAL) under DATA_DIR, through better-sqlite3.
 *
 * better-sqlite3 is synchronous, so each call is durable when it returns: with WAL and
 * `synchronous = NORMAL` a committed transaction survives a killed process (kill -9); only a
 * power cut can lose the last few, which the authors' clients still hold and resend on reconnect.
 *
 * Appends are group-committed: the ones that arrive in the same turn of the event loop (every
 * room's writes read from the sockets in that turn) are inserted in one transaction just after
 * it, and each resolves with its own sequence number once that transaction has committed. A
 * commit per update would cost a WAL frame and a transaction each; under load, one per turn
 * costs far less, and the rooms' queues batch the writes that arrive meanwhile.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { boardFromRow, type BoardRow } from './boardRow';
import type { Ballot, BoardRecord, Role, SnapshotInfo, Storage, StoredDoc, StoredSnapshot } from './storage';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  viewer_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards (id),
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_board ON snapshots (board_id, created_at);
CREATE TABLE IF NOT EXISTS ballots (
  board_id TEXT NOT NULL REFERENCES boards (id),
  vote_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  dots INTEGER NOT NULL,
  PRIMARY KEY (board_id, vote_id, item_id, user_id)
);
`;

/** The column holding each role's token hash; never built from input. */
const HASH_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_hash',
  participant: 'participant_hash',
  viewer: 'viewer_hash',
};

/**
 * Columns added after the first release, each with the statement that adds it to a file made
 * before: applied at open when missing, so an existing DATA_DIR keeps working.
 */
const ADDED_COLUMNS: readonly [table: string, column: string, add: string][] = [
  ['boards', 'participant_gen', 'ALTER TABLE boards ADD COLUMN participant_gen INTEGER'],
  ['boards', 'viewer_gen', 'ALTER TABLE boards ADD COLUMN viewer_gen INTEGER'],
];

/** Opens (creating if needed) `olievlek.sqlite` in `dataDir`. */
export function createSqliteStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'olievlek.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  db.transaction(() => {
    for (const [table, column, add] of ADDED_COLUMNS) {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
      if (!columns.some((c) => c.name === column)) db.exec(add);
    }
  })();

  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, language, created_at, facilitator_hash, participant_hash, viewer_hash,
       participant_gen, viewer_gen)
     VALUES (@id, @title, @language, @createdAt, @facilitator, @participant, @viewer, @participantGen, @viewerGen)`,
  );
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
  const updateTitle = db.prepare('UPDATE boards SET title = ? WHERE id = ?');
  const insertUpdate = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
  const insertAt = db.prepare('INSERT INTO updates (seq, room, data) VALUES (?, ?, ?)');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE room = ? ORDER BY seq',
  );
  const deleteThrough = db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?');
  const selectSnapshots = db.prepare<[string], { id: string; label: string; created_at: number }>(
    'SELECT id, label, created_at FROM snapshots WHERE board_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const insertSnapshot = db.prepare(
    'INSERT INTO snapshots (id, board_id, label, created_at, state) VALUES (?, ?, ?, ?, ?)',
  );
  const selectSnapshot = db.prepare<
    [string, string],
    { id: string; label: string; created_at: number; state: Buffer }
  >('SELECT id, label, created_at, state FROM snapshots WHERE board_id = ? AND id = ?');

  const removeSnapshot = db.prepare('DELETE FROM snapshots WHERE board_id = ? AND id = ?');
  const updateHash = Object.fromEntries(
    Object.entries(HASH_COLUMN).map(([role, column]) => [
      role,
      db.prepare(
        role === 'facilitator'
          ? `UPDATE boards SET ${column} = ? WHERE id = ?`
          : `UPDATE boards SET ${column} = ?, ${role}_gen = ? WHERE id = ?`,
      ),
    ]),
  ) as Record<Role, Database.Statement>;
  const upsertBallot = db.prepare(
    `INSERT INTO ballots (board_id, vote_id, item_id, user_id, dots) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id, vote_id, item_id, user_id) DO UPDATE SET dots = excluded.dots`,
  );
  const deleteBallot = db.prepare(
    'DELETE FROM ballots WHERE board_id = ? AND vote_id = ? AND item_id = ? AND user_id = ?',
  );
  const selectBallots = db.prepare<[string, string], { item_id: string; user_id: string; dots: number }>(
    'SELECT item_id, user_id, dots FROM ballots WHERE board_id = ? AND vote_id = ? ORDER BY item_id, user_id',
  );

  const create = db.transaction((board: BoardRecord, initialUpdate: Uint8Array) => {
    insertBoard.run({
      id: board.id,
      title: board.title,
      language: board.language,
      createdAt: board.createdAt,
      facilitator: Buffer.from(board.tokenHashes.facilitator),
      participant: Buffer.from(board.tokenHashes.participant),
      viewer: Buffer.from(board.tokenHashes.viewer),
      participantGen: board.generations?.participant ?? null,
      viewerGen: board.generations?.viewer ?? null,
    });
    insertUpdate.run(board.id, Buffer.from(initialUpdate));
  });
  /** Appends waiting for the next group commit, in arrival order. */
  let waiting: {
    room: string;
    update: Uint8Array;
    resolve: (seq: number) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const insertAll = db.transaction((batch: typeof waiting) =>
    batch.map(({ room, update }) =>
      Number(
        insertUpdate.run(room, Buffer.from(update.buffer, update.byteOffset, update.byteLength))
          .lastInsertRowid,
      ),
    ),
  );
  const commitWaiting = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = insertAll(batch);
    } catch (error) {
      // Nothing of the batch was stored (the transaction rolled back): none of it may be relayed.
      for (const append of batch) append.reject(error);
      return;
    }
    batch.forEach((append, i) => append.resolve(seqs[i]!));
  };

  // The merged state reuses the sequence number of the newest row it replaces, so the log
  // keeps its order and a later compaction through a later number still covers it.
  const compact = db.transaction((room: string, state: Uint8Array, throughSeq: number) => {
    deleteThrough.run(room, throughSeq);
    insertAt.run(throughSeq, room, Buffer.from(state));
  });

  return {
    async createBoard(board, initialUpdate) {
      create(board, initialUpdate);
    },
    async getBoard(id) {
      const row = selectBoard.get(id);
      if (!row) return null;
      return boardFromRow(row);
    },
    async updateBoardTitle(id, title) {
      updateTitle.run(title, id);
    },
    async load(room): Promise<StoredDoc> {
      const rows = selectUpdates.all(room);
      return {
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        lastSeq: rows.at(-1)?.seq ?? 0,
      };
    },
    appendUpdate(room, update) {
      return new Promise<number>((resolve, reject) => {
        if (!db.open) throw new TypeError('The database connection is not open');
        // setImmediate runs once this turn's socket reads are done: their appends share the commit.
        if (waiting.length === 0) setImmediate(commitWaiting);
        waiting.push({ room, update, resolve, reject });
      });
    },
    async compact(room, state, throughSeq) {
      if (throughSeq > 0) compact(room, state, throughSeq);
    },
    async listSnapshots(boardId): Promise<SnapshotInfo[]> {
      return selectSnapshots
        .all(boardId)
        .map((r) => ({ id: r.id, boardId, label: r.label, createdAt: r.created_at }));
    },
    async createSnapshot(snapshot: StoredSnapshot) {
      insertSnapshot.run(
        snapshot.id,
        snapshot.boardId,
        snapshot.label,
        snapshot.createdAt,
        Buffer.from(snapshot.state.buffer, snapshot.state.byteOffset, snapshot.state.byteLength),
      );
    },
    async deleteSnapshot(boardId, id) {
      removeSnapshot.run(boardId, id);
    },
    async getSnapshot(boardId, id): Promise<StoredSnapshot | null> {
      const row = selectSnapshot.get(boardId, id);
      if (!row) return null;
      const state = new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength);
      return { id: row.id, boardId, label: row.label, createdAt: row.created_at, state };
    },
    async setTokenHash(boardId, role, hash, generation) {
      const statement = updateHash[role];
      const changed =
        role === 'facilitator'
          ? statement.run(Buffer.from(hash), boardId)
          : statement.run(Buffer.from(hash), generation ?? null, boardId);
      return changed.changes > 0;
    },
    async setBallot(ballot) {
      const key = [ballot.boardId, ballot.voteId, ballot.itemId, ballot.userId] as const;
      if (ballot.dots > 0) upsertBallot.run(...key, ballot.dots);
      else deleteBallot.run(...key);
    },
    async listBallots(boardId, voteId): Promise<Ballot[]> {
      return selectBallots
        .all(boardId, voteId)
        .map((r) => ({ boardId, voteId, itemId: r.item_id, userId: r.user_id, dots: r.dots }));
    },
    async ping() {
      // Throws once the database is closed or its file unreadable.
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (!db.open) return;
      commitWaiting();
      // Folds the WAL back into the main file so a copied DATA_DIR is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

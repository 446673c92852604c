/**
 * The store for several instances: PostgreSQL through a `pg` pool, selected by DATABASE_URL.
 *
 * Same semantics as the SQLite adapter: every write resolves only once PostgreSQL has committed
 * it (synchronous_commit as the server has it, `on` by default), compaction and board creation
 * are one transaction each, and token hashes are stored, never tokens. A `schema` parameter in
 * the URL (`postgres://…/olievlek?schema=olievlek_a`) keeps the tables in that schema, created
 * when missing; the default is `public`. PostgreSQL being away never crashes the process: the
 * pool's errors are logged and every failing call rejects with a PostgresStorageError.
 */
import pg from 'pg';
import { ConfigError } from '../config';
import { log } from '../log';
import { migrate, quoteIdentifier, SCHEMA_PATTERN } from './postgresMigrations';
import { boardFromRow, type BoardRow } from './boardRow';
import type { Ballot, Role, SnapshotInfo, Storage, StoredDoc, StoredSnapshot } from './storage';

/** A call to PostgreSQL that failed; names the server (host and port), never the password. */
export class PostgresStorageError extends Error {
  override readonly name = 'PostgresStorageError';

  constructor(
    /** host:port/database of the server. */
    readonly where: string,
    /** The storage operation that failed. */
    readonly operation: string,
    cause: unknown,
  ) {
    super(`PostgreSQL at ${where}: ${operation} failed: ${reason(cause)}`, { cause });
  }
}

/** The PostgreSQL store, with what operators and tests need beyond Storage. */
export interface PostgresStorage extends Storage {
  /** host:port/database, for messages (no user or password). */
  readonly where: string;
  /** The schema holding the tables. */
  readonly schema: string;
  /** Resolves when PostgreSQL answers a query (readiness checks). */
  ping(): Promise<void>;
}

/** How to open the store. */
export interface PostgresOptions {
  /** Apply pending migrations first (default true); the export CLI only reads. */
  readonly migrate?: boolean;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Called for errors of idle connections (PostgreSQL restarted or a backend ended); logs by default. */
  readonly onPoolError?: (error: PostgresStorageError) => void;
  /**
   * Longest one statement may run, lock waits included (default 30 s). A PostgreSQL that hangs
   * then fails the call like one that is away, instead of holding a room's queue for ever.
   */
  readonly statementTimeoutMs?: number;
}

/** The column holding each role's token hash; never built from input. */
const HASH_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_hash',
  participant: 'participant_hash',
  viewer: 'viewer_hash',
};

/** Splits DATABASE_URL into the pool's connection string, the schema and a printable address; ConfigError if malformed. */
export function parseDatabaseUrl(url: string): { connectionString: string; schema: string; where: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the value: it may hold a password.
    throw new ConfigError('DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`,
    );
  const schema = parsed.searchParams.get('schema') || 'public';
  if (!SCHEMA_PATTERN.test(schema))
    throw new ConfigError(
      `DATABASE_URL schema "${schema}" must be lower-case letters, digits and underscores`,
    );
  parsed.searchParams.delete('schema');
  const where = `${parsed.hostname || 'localhost'}:${parsed.port || 5432}${parsed.pathname}`;
  return { connectionString: parsed.toString(), schema, where };
}

/** Opens a pool on `url`, migrates the schema (unless told not to) and returns the store. */
export async function createPostgresStorage(
  url: string,
  options: PostgresOptions = {},
): Promise<PostgresStorage> {
  const { connectionString, schema, where } = parseDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    // PostgreSQL cancels a statement past this (the connection stays usable); the client gives
    // up a little later on one that never answers at all (the network, not the statement).
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    query_timeout: (options.statementTimeoutMs ?? 30_000) + 5_000,
  });
  const onPoolError =
    options.onPoolError ?? ((error) => log('warn', 'storage.postgres_connection_lost', { error }));
  // An idle connection that breaks would otherwise be an unhandled 'error' event: a crash.
  pool.on('error', (error) => onPoolError(new PostgresStorageError(where, 'idle connection', error)));
  const fail = (operation: string) => (error: unknown) => {
    throw error instanceof PostgresStorageError ? error : new PostgresStorageError(where, operation, error);
  };
  const t = (table: string) => `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;

  /** Runs `fn` in one transaction on one connection; a broken connection is discarded. */
  async function transaction<T>(operation: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect().catch(fail(operation));
    // A checked-out connection has no listener of the pool's: without this one, a backend
    // ended mid-transaction would be an unhandled 'error' event.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      return fail(operation)(error);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  const query = <R extends pg.QueryResultRow>(operation: string, text: string, values: unknown[] = []) =>
    pool.query<R>(text, values).catch(fail(operation));

  if (options.migrate ?? true) {
    const applied = await transaction('migrate', (client) => migrate(client, schema)).catch(async (error) => {
      await pool.end();
      throw error;
    });
    if (applied.length > 0) log('info', 'storage.postgres_migrated', { where, schema, versions: applied });
  }

  let closed: Promise<void> | null = null;
  return {
    where,
    schema,
    async ping() {
      await query('ping', 'SELECT 1');
    },
    async createBoard(board, initialUpdate) {
      await transaction('createBoard', async (client) => {
        await client.query(
          `INSERT INTO ${t('boards')} (id, title, language, created_at, facilitator_hash, participant_hash,
             viewer_hash, participant_gen, viewer_gen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            board.id,
            board.title,
            board.language,
            board.createdAt,
            buffer(board.tokenHashes.facilitator),
            buffer(board.tokenHashes.participant),
            buffer(board.tokenHashes.viewer),
            board.generations?.participant ?? null,
            board.generations?.viewer ?? null,
          ],
        );
        await client.query(`INSERT INTO ${t('updates')} (room, data) VALUES ($1, $2)`, [
          board.id,
          buffer(initialUpdate),
        ]);
      });
    },
    async getBoard(id) {
      const { rows } = await query<BoardRow>('getBoard', `SELECT * FROM ${t('boards')} WHERE id = $1`, [id]);
      const row = rows[0];
      return row ? boardFromRow(row) : null;
    },
    async updateBoardTitle(id, title) {
      await query('updateBoardTitle', `UPDATE ${t('boards')} SET title = $1 WHERE id = $2`, [title, id]);
    },
    async load(room): Promise<StoredDoc> {
      const { rows } = await query<{ seq: string; data: Buffer }>(
        'load',
        `SELECT seq, data FROM ${t('updates')} WHERE room = $1 ORDER BY seq`,
        [room],
      );
      return { updates: rows.map((r) => bytes(r.data)), lastSeq: Number(rows.at(-1)?.seq ?? 0) };
    },
    async appendUpdate(room, update) {
      const { rows } = await query<{ seq: string }>(
        'appendUpdate',
        `INSERT INTO ${t('updates')} (room, data) VALUES ($1, $2) RETURNING seq`,
        [room, buffer(update)],
      );
      return Number(rows[0]!.seq);
    },
    async compact(room, state, throughSeq) {
      if (throughSeq <= 0) return;
      // The merged state reuses the sequence number of the newest row it replaces, so the log
      // keeps its order and a later compaction through a later number still covers it.
      await transaction('compact', async (client) => {
        await client.query(`DELETE FROM ${t('updates')} WHERE room = $1 AND seq <= $2`, [room, throughSeq]);
        await client.query(`INSERT INTO ${t('updates')} (room, seq, data) VALUES ($1, $2, $3)`, [
          room,
          throughSeq,
          buffer(state),
        ]);
      });
    },
    async compactStored(room, merge) {
      return transaction('compactStored', async (client) => {
        // One compaction per room at a time; appends go on meanwhile and are left alone.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [room]);
        const { rows } = await client.query<{ seq: string; data: Buffer }>(
          `SELECT seq, data FROM ${t('updates')} WHERE room = $1 ORDER BY seq FOR UPDATE`,
          [room],
        );
        if (rows.length === 0) return null;
        const state = merge(rows.map((r) => bytes(r.data)));
        // Exactly the rows read go: an append that took a lower number but commits later (one
        // sequence serves every room and every instance) is not in `state` and must stay.
        await client.query(`DELETE FROM ${t('updates')} WHERE room = $1 AND seq = ANY($2::bigint[])`, [
          room,
          rows.map((r) => r.seq),
        ]);
        await client.query(`INSERT INTO ${t('updates')} (room, seq, data) VALUES ($1, $2, $3)`, [
          room,
          rows.at(-1)!.seq,
          buffer(state),
        ]);
        return state.byteLength;
      });
    },
    async listSnapshots(boardId): Promise<SnapshotInfo[]> {
      const { rows } = await query<{ id: string; label: string; created_at: string }>(
        'listSnapshots',
        `SELECT id, label, created_at FROM ${t('snapshots')} WHERE board_id = $1
         ORDER BY created_at DESC, position DESC`,
        [boardId],
      );
      return rows.map((r) => ({ id: r.id, boardId, label: r.label, createdAt: Number(r.created_at) }));
    },
    async createSnapshot(snapshot: StoredSnapshot) {
      await query(
        'createSnapshot',
        `INSERT INTO ${t('snapshots')} (id, board_id, label, created_at, state) VALUES ($1, $2, $3, $4, $5)`,
        [snapshot.id, snapshot.boardId, snapshot.label, snapshot.createdAt, buffer(snapshot.state)],
      );
    },
    async deleteSnapshot(boardId, id) {
      await query('deleteSnapshot', `DELETE FROM ${t('snapshots')} WHERE board_id = $1 AND id = $2`, [
        boardId,
        id,
      ]);
    },
    async getSnapshot(boardId, id): Promise<StoredSnapshot | null> {
      const { rows } = await query<{ id: string; label: string; created_at: string; state: Buffer }>(
        'getSnapshot',
        `SELECT id, label, created_at, state FROM ${t('snapshots')} WHERE board_id = $1 AND id = $2`,
        [boardId, id],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        id: row.id,
        boardId,
        label: row.label,
        createdAt: Number(row.created_at),
        state: bytes(row.state),
      };
    },
    async setTokenHash(boardId, role, hash, generation) {
      const column = HASH_COLUMN[role];
      const result =
        role === 'facilitator'
          ? await query('setTokenHash', `UPDATE ${t('boards')} SET ${column} = $1 WHERE id = $2`, [
              buffer(hash),
              boardId,
            ])
          : await query(
              'setTokenHash',
              `UPDATE ${t('boards')} SET ${column} = $1, ${role}_gen = $2 WHERE id = $3`,
              [buffer(hash), generation ?? null, boardId],
            );
      return (result.rowCount ?? 0) > 0;
    },
    async setBallot(ballot) {
      const key = [ballot.boardId, ballot.voteId, ballot.itemId, ballot.userId];
      if (ballot.dots > 0)
        await query(
          'setBallot',
          `INSERT INTO ${t('ballots')} (board_id, vote_id, item_id, user_id, dots) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (board_id, vote_id, item_id, user_id) DO UPDATE SET dots = excluded.dots`,
          [...key, ballot.dots],
        );
      else
        await query(
          'setBallot',
          `DELETE FROM ${t('ballots')} WHERE board_id = $1 AND vote_id = $2 AND item_id = $3 AND user_id = $4`,
          key,
        );
    },
    async listBallots(boardId, voteId): Promise<Ballot[]> {
      // COLLATE "C": the byte order the other adapters sort in, whatever the database's locale.
      const { rows } = await query<{ item_id: string; user_id: string; dots: number }>(
        'listBallots',
        `SELECT item_id, user_id, dots FROM ${t('ballots')} WHERE board_id = $1 AND vote_id = $2
         ORDER BY item_id COLLATE "C", user_id COLLATE "C"`,
        [boardId, voteId],
      );
      return rows.map((r) => ({ boardId, voteId, itemId: r.item_id, userId: r.user_id, dots: r.dots }));
    },
    close() {
      return (closed ??= pool.end());
    },
  };
}

/** What went wrong, in words: a refused connection to several addresses has an empty message. */
function reason(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length > 0) return reason(cause.errors[0]);
  if (!(cause instanceof Error)) return String(cause);
  return cause.message || (cause as { code?: string }).code || cause.name;
}

/** A Buffer over the same bytes, as `pg` sends BYTEA parameters. */
function buffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A plain Uint8Array over a BYTEA result's bytes. */
function bytes(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

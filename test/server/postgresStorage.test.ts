/**
 * What only the PostgreSQL store has: migrations that run once however many instances start
 * together, and PostgreSQL going away (never there, or a backend ended mid-call) turning into
 * rejected promises with a clear error instead of a crash or an unhandled rejection.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Migration } from '../../server/storage/postgresMigrations';
import { createPostgresStorage, PostgresStorageError } from '../../server/storage/postgresStorage';
import { freePort } from '../support/freePort';
import { postgresAvailable } from '../support/services';
import { waitFor } from './helpers';
import { TEST_DATABASE_URL, testSchemas } from './postgresSchemas';

const schemas = testSchemas();
afterAll(() => schemas.drop());

/** A plain connection to the test database, ended after the test. */
const clients: pg.Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
});
async function connectClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

// Any unhandled rejection during these tests is a failure, not a warning.
const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', record);
});
afterEach(() => {
  process.off('unhandledRejection', record);
  expect(unhandled).toEqual([]);
});

/** The schema name in a URL from `schemas.url()`. */
const schemaOf = (url: string) => new URL(url).searchParams.get('schema')!;

/** Runs the migrations on a connection of its own, in one transaction. */
async function migrateAlone(schema: string, migrations?: readonly Migration[]): Promise<number[]> {
  const client = await connectClient();
  await client.query('BEGIN');
  const applied = await migrate(client as unknown as pg.PoolClient, schema, migrations);
  await client.query('COMMIT');
  return applied;
}

describe.runIf(await postgresAvailable())('PostgreSQL migrations', () => {
  it('run once when two instances start at the same moment', async () => {
    const schema = schemaOf(schemas.url());
    const results = await Promise.all([migrateAlone(schema), migrateAlone(schema)]);
    const all = MIGRATIONS.map((m) => m.version);
    expect(results.sort((a, b) => a.length - b.length)).toEqual([[], all]);
    expect(await migrateAlone(schema)).toEqual([]);
    const check = await connectClient();
    const { rows } = await check.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows.map((r: { version: number }) => r.version)).toEqual(all);
  });

  it('let two stores open one new schema together and share its data', async () => {
    const url = schemas.url();
    const [a, b] = await Promise.all([createPostgresStorage(url), createPostgresStorage(url)]);
    const seq = await a.appendUpdate('room', Uint8Array.of(7));
    expect(await b.load('room')).toEqual({ updates: [Uint8Array.of(7)], lastSeq: seq });
    await Promise.all([a.close(), b.close()]);
  });

  it('apply a later migration on top, and refuse a schema newer than the server', async () => {
    const schema = schemaOf(schemas.url());
    expect(await migrateAlone(schema)).toEqual(MIGRATIONS.map((m) => m.version));
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test column',
      sql: (t) => `ALTER TABLE ${t('boards')} ADD COLUMN note TEXT`,
    };
    expect(await migrateAlone(schema, [...MIGRATIONS, next])).toEqual([next.version]);
    await expect(migrateAlone(schema)).rejects.toThrow(/newer than this server knows/);
  });

  it('leave nothing behind when a migration fails', async () => {
    const schema = schemaOf(schemas.url());
    const broken: Migration = { version: 1, name: 'broken', sql: () => 'CREATE TABLE nonsense (' };
    await expect(migrateAlone(schema, [broken])).rejects.toThrow();
    const check = await connectClient();
    const { rowCount } = await check.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(rowCount).toBe(0);
  });
});

describe.runIf(await postgresAvailable())('PostgreSQL going away', () => {
  it('rejects with a clear error, without the password, when nothing listens', async () => {
    const port = await freePort();
    const url = `postgres://olievlek:s3cret-pw@127.0.0.1:${port}/test?schema=${schemaOf(schemas.url())}`;
    const opening = createPostgresStorage(url);
    await expect(opening).rejects.toBeInstanceOf(PostgresStorageError);
    const error = (await opening.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${port}/test: migrate failed: .*ECONNREFUSED`),
    );
    expect(error.message).not.toContain('s3cret-pw');

    // Opened without migrating, every call rejects the same way.
    const store = await createPostgresStorage(url, { migrate: false });
    await expect(store.appendUpdate('room', Uint8Array.of(1))).rejects.toThrow(
      /^PostgreSQL at .*appendUpdate failed/,
    );
    await expect(store.getBoard('board00001')).rejects.toBeInstanceOf(PostgresStorageError);
    await expect(store.compact('room', Uint8Array.of(1), 1)).rejects.toThrow(/compact failed/);
    await store.close();
  });

  it('rejects the calls whose backend is ended, logs lost idle connections, and recovers', async () => {
    const application = `olievlek_${schemaOf(schemas.url())}`;
    const lost: PostgresStorageError[] = [];
    const store = await createPostgresStorage(schemas.url({ application_name: application }), {
      onPoolError: (error) => lost.push(error),
    });
    const admin = await connectClient();
    const backends = async (state: string) =>
      (
        await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND ${state}`,
          [application],
        )
      ).rows.map((r) => r.pid);
    const terminate = (pids: number[]) =>
      admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);

    // Idle connections ended: the pool reports them (no crash) and opens new ones.
    await store.appendUpdate('room', Uint8Array.of(1));
    await terminate(await waitFor(async () => nonEmpty(await backends("state = 'idle'")), 'an idle backend'));
    await waitFor(() => lost.length > 0, 'the pool reporting the lost connection');
    expect(lost[0]!.message).toMatch(/^PostgreSQL at 127\.0\.0\.1:5432\/test: idle connection failed/);
    expect((await store.load('room')).updates).toEqual([Uint8Array.of(1)]);

    // A backend ended while a call waits on a lock: that call rejects, the next one works.
    const blocker = await connectClient();
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE "${store.schema}".updates IN ACCESS EXCLUSIVE MODE`);
    const append = store.appendUpdate('room', Uint8Array.of(2));
    const compact = store.compact('room', Uint8Array.of(1), 1);
    const appendFailed = expect(append).rejects.toThrow(/^PostgreSQL at .*: appendUpdate failed: /);
    const compactFailed = expect(compact).rejects.toThrow(/^PostgreSQL at .*: compact failed: /);
    const waiting = await waitFor(
      async () =>
        (await backends("wait_event_type = 'Lock'")).length === 2
          ? backends("wait_event_type = 'Lock'")
          : null,
      'both calls waiting for the lock',
    );
    await terminate(waiting);
    await appendFailed;
    await compactFailed;
    await blocker.query('ROLLBACK');
    const seq = await store.appendUpdate('room', Uint8Array.of(3));
    expect(await store.load('room')).toEqual({ updates: [Uint8Array.of(1), Uint8Array.of(3)], lastSeq: seq });
    await store.ping();
    await store.close();
  });
});

/** The list when it has entries, else null (for waitFor). */
function nonEmpty<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

describe.runIf(await postgresAvailable())('PostgreSQL compaction shared by instances', () => {
  const merge = (updates: readonly Uint8Array[]) => Uint8Array.from(updates.flatMap((u) => [...u]));

  it('merges exactly the rows it read and leaves an append that commits after it', async () => {
    const url = schemas.url();
    const store = await createPostgresStorage(url);
    try {
      await store.appendUpdate('room', Uint8Array.of(1));
      // Another instance's append takes its number now and commits only after the compaction.
      const late = await connectClient();
      await late.query('BEGIN');
      await late.query(`INSERT INTO "${schemaOf(url)}".updates (room, data) VALUES ('room', $1)`, [
        Buffer.of(9),
      ]);
      await store.appendUpdate('room', Uint8Array.of(2));
      expect(await store.compactStored!('room', merge)).toBe(2);
      await late.query('COMMIT');
      const stored = await store.load('room');
      // The merged pair and the late row (its lower number sorts it first).
      expect(stored.updates.map((u) => [...u])).toEqual([[9], [1, 2]]);
      expect(await store.compactStored!('room', merge)).toBe(3);
      expect((await store.load('room')).updates.map((u) => [...u])).toEqual([[9, 1, 2]]);
      expect(await store.compactStored!('empty', merge)).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe.runIf(await postgresAvailable())('PostgreSQL that does not answer', () => {
  it('fails a statement that waits past the timeout, and serves the next one once it answers', async () => {
    const url = schemas.url();
    const store = await createPostgresStorage(url, { statementTimeoutMs: 300 });
    try {
      const holder = await connectClient();
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE "${schemaOf(url)}".updates IN ACCESS EXCLUSIVE MODE`);
      const error = await store.appendUpdate('room', Uint8Array.of(1)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PostgresStorageError);
      expect(String(error)).toMatch(/appendUpdate failed: .*statement timeout/);
      await holder.query('ROLLBACK');
      expect(await store.appendUpdate('room', Uint8Array.of(2))).toBeGreaterThan(0);
      expect((await store.load('room')).updates.map((u) => [...u])).toEqual([[2]]);
    } finally {
      await store.close();
    }
  });
});

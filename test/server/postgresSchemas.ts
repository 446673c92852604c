/**
 * Fresh PostgreSQL schemas for tests: each `url()` names a new schema on the test database
 * (created by the store's migrations), and `drop()` removes every one handed out.
 *
 *   const schemas = testSchemas();
 *   afterAll(() => schemas.drop());
 *   const store = await createPostgresStorage(schemas.url());
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database tests use: DATABASE_URL, else this machine's PostgreSQL. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Schemas handed out by one test file. */
export interface TestSchemas {
  /** A DATABASE_URL selecting a new schema (and `extra` URL parameters, e.g. application_name). */
  url(extra?: Record<string, string>): string;
  /** The schema names handed out so far. */
  readonly names: readonly string[];
  /** Drops every schema handed out, with its tables. */
  drop(): Promise<void>;
}

/** A set of fresh schemas, named after this run so parallel runs never share one. */
export function testSchemas(): TestSchemas {
  const run = `olievlek_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const names: string[] = [];
  return {
    names,
    url(extra = {}) {
      const schema = `${run}_${names.length}`;
      names.push(schema);
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('schema', schema);
      for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
      return url.toString();
    },
    async drop() {
      if (names.length === 0) return;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const name of names.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

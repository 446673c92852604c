/**
 * The real server process on PostgreSQL (DATABASE_URL, a fresh schema per run): a board created
 * and edited by real y-websocket clients survives SIGKILL and a restart, the export CLI reads it
 * from PostgreSQL, and a PostgreSQL that is not there stops the start with a clear message.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../shared/ydoc';
import { freePort } from '../support/freePort';
import { postgresAvailable } from '../support/services';
import { spawnServer } from '../support/serverProcess';
import { connectSynced, createBoard, waitFor } from './helpers';
import { TEST_DATABASE_URL, testSchemas } from './postgresSchemas';

const schemas = testSchemas();
const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-pg-'));
const children: ChildProcess[] = [];
afterAll(async () => {
  children.forEach((child) => child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
  await schemas.drop();
});

/** Starts the server on PostgreSQL; it is killed after the suite if still running. */
async function start(databaseUrl: string, env: NodeJS.ProcessEnv = {}) {
  const server = await spawnServer({ dataDir, env: { DATABASE_URL: databaseUrl, REDIS_URL: '', ...env } });
  children.push(server.child);
  return server;
}

/** Runs the export CLI against `databaseUrl`. */
function exportCli(databaseUrl: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe.runIf(await postgresAvailable())('server on PostgreSQL', () => {
  it('keeps an edited board through SIGKILL and a restart, and exports it', async () => {
    const url = schemas.url();
    const first = await start(url);
    const board = await createBoard(first);
    const author = await connectSynced(first, board.id, board.tokens.facilitator);
    const reader = await connectSynced(first, board.id, board.tokens.viewer);
    author.doc.getText('note').insert(0, 'stored in PostgreSQL');
    getMeta(author.doc).set('title', 'Deltaplan');
    await waitFor(() => reader.doc.getText('note').toString() !== '', 'reader received the edit');
    await waitFor(() => getMeta(reader.doc).get('title') === 'Deltaplan', 'reader received the title');
    first.child.kill('SIGKILL');
    // Only the store may bring the edit back, not the author's own copy.
    author.destroy();
    reader.destroy();
    await first.exited;

    const second = await start(url);
    const fresh = await connectSynced(second, board.id, board.tokens.viewer);
    expect(fresh.doc.getText('note').toString()).toBe('stored in PostgreSQL');
    expect(getMeta(fresh.doc).get('title')).toBe('Deltaplan');
    fresh.destroy();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // PostgreSQL holds the board, with token hashes only; SQLite was never opened.
    expect(existsSync(path.join(dataDir, 'olievlek.sqlite'))).toBe(false);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const schema = new URL(url).searchParams.get('schema')!;
    const { rows } = await client.query<{ facilitator_hash: Buffer }>(
      `SELECT facilitator_hash FROM "${schema}".boards WHERE id = $1`,
      [board.id],
    );
    await client.end();
    expect(rows[0]!.facilitator_hash.byteLength).toBe(32);
    expect(rows[0]!.facilitator_hash.toString('latin1')).not.toContain(board.tokens.facilitator);
    // Migrated on the first start only.
    expect(first.output()).toContain('"event":"storage.postgres_migrated"');
    expect(second.output()).not.toContain('storage.postgres_migrated');

    const exported = exportCli(url, board.id, '--format', 'json', '--out', '-');
    expect(exported.status, exported.stderr).toBe(0);
    // The board itself, not a fallback snapshot.
    expect(exported.stderr).not.toContain('instead');
    expect(exported.stdout).toContain('Deltaplan');
    const missing = exportCli(url, 'nosuchboard0', '--format', 'json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      `no board "nosuchboard0" in PostgreSQL at 127.0.0.1:5432/test (schema ${schema})`,
    );
  });

  it('refuses to start, and the CLI to export, when PostgreSQL is not there', async () => {
    const port = await freePort();
    const url = `postgres://olievlek:s3cret-pw@127.0.0.1:${port}/test`;
    const failed = await start(url).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failed).toMatch(
      new RegExp(`exited with 1 .*PostgreSQL at 127\\.0\\.0\\.1:${port}/test: migrate failed`),
    );
    expect(failed).not.toContain('s3cret-pw');
    const exported = exportCli(url, 'board0000001', '--format', 'json');
    expect(exported.status).toBe(1);
    expect(exported.stderr).toMatch(
      new RegExp(`^export: PostgreSQL at 127\\.0\\.0\\.1:${port}/test: getBoard failed: `),
    );
    expect(exported.stderr).not.toContain('s3cret-pw');
  });

  it('refuses REDIS_URL without DATABASE_URL: instances sharing Redis must share the store', async () => {
    const failed = await start('', { REDIS_URL: 'redis://127.0.0.1:6379' }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/exited with 2 .*REDIS_URL needs DATABASE_URL/);
  });
});

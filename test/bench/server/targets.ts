/**
 * The servers under test, each started fresh for every scenario group, pinned to core 0:
 * Olievlek on SQLite (a fresh DATA_DIR), the reference server, and two Olievlek instances on
 * PostgreSQL (a fresh schema) and Redis (a random key prefix) with each room's clients split
 * across both. A target that cannot run here says why instead of failing the bench.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { spawnServer, type ServerProcess } from '../../support/serverProcess';
import { canConnect, postgresAddress, redisAddress } from '../../support/services';
import { testSchemas } from '../../server/postgresSchemas';
import { startReference } from './peer';
import { pin } from './procStats';

/** The core the servers run on; the load generator gets the other one. */
export const SERVER_CORE = 0;

/** A started target. */
export interface RunningTarget {
  /** The server processes (CPU and RSS are summed over them). */
  readonly pids: readonly number[];
  /** Makes `count` rooms and returns, per room, the websocket URL of each of its `perRoom` clients. */
  rooms(count: number, perRoom: number): Promise<string[][]>;
  stop(): Promise<void>;
}

/** A server under test. */
export interface Target {
  readonly name: string;
  /** Starts it, or returns why it cannot run here. */
  start(): Promise<RunningTarget | { skipped: string }>;
}

/** Node options for the servers: a CPU profile when asked, and any BENCH_NODE_ARGS (experiments). */
function profileArgs(): string[] {
  const profileDir = process.env.BENCH_CPU_PROF;
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []), ...extra];
}

/** Stops a process with SIGTERM (it stores what it holds), SIGKILL if it takes too long. */
async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

interface Board {
  readonly id: string;
  readonly tokens: { readonly participant: string };
}

/** Creates a board through the HTTP API (DESIGN.md contract 2). */
async function createBoard(http: string, title: string): Promise<Board> {
  const res = await fetch(`${http}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, language: 'en' }),
  });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  return (await res.json()) as Board;
}

/** Rooms of participants; client i of a room connects to instance i mod the number of instances. */
async function olievlekRooms(servers: readonly ServerProcess[], count: number, perRoom: number) {
  const rooms: string[][] = [];
  for (let r = 0; r < count; r++) {
    const board = await createBoard(servers[0]!.http, `Bench ${r + 1}`);
    const token = encodeURIComponent(board.tokens.participant);
    rooms.push(
      Array.from(
        { length: perRoom },
        (_, i) => `${servers[i % servers.length]!.ws}/${board.id}?token=${token}`,
      ),
    );
  }
  return rooms;
}

async function startOlievlek(dataDir: string, env: NodeJS.ProcessEnv, root?: string): Promise<ServerProcess> {
  const server = await spawnServer({
    dataDir,
    env,
    nodeArgs: profileArgs(),
    keepChars: 20_000,
    ...(root ? { root } : {}),
  });
  // The server's output is kept for failures; nothing waits on it.
  pin(server.child.pid!, SERVER_CORE);
  return server;
}

/** Olievlek, one instance on SQLite in a fresh DATA_DIR; from another checkout when `root` is given. */
export function olievlekSqlite(name = 'Olievlek (SQLite)', root?: string): Target {
  return {
    name,
    start: () => startSqlite(root),
  };
}

async function startSqlite(root: string | undefined): Promise<RunningTarget> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-bench-'));
  const server = await startOlievlek(dataDir, {}, root);
  return {
    pids: [server.child.pid!],
    rooms: (count, perRoom) => olievlekRooms([server], count, perRoom),
    async stop() {
      await terminate(server.child, server.exited);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** @y/websocket-server 0.1.1, which stores nothing. */
export const reference: Target = {
  name: 'reference 0.1.1',
  async start() {
    const { child, port } = await startReference(profileArgs());
    pin(child.pid!, SERVER_CORE);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const run = randomBytes(4).toString('hex');
    return {
      pids: [child.pid!],
      async rooms(count, perRoom) {
        return Array.from({ length: count }, (_, r) =>
          Array.from({ length: perRoom }, () => `ws://127.0.0.1:${port}/bench-${run}-${r}`),
        );
      },
      stop: () => terminate(child, exited),
    };
  },
};

/** Two Olievlek instances on PostgreSQL + Redis; each room's clients alternate between them. */
export const olievlekScaleOut: Target = {
  name: 'Olievlek ×2 (PG+Redis)',
  async start() {
    if (!(await canConnect(postgresAddress()))) return { skipped: 'PostgreSQL does not answer' };
    if (!(await canConnect(redisAddress()))) return { skipped: 'Redis does not answer' };
    const schemas = testSchemas();
    const databaseUrl = schemas.url();
    const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
    const prefix = `olievlek-bench-${randomBytes(4).toString('hex')}:`;
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
    const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-bench-'));
    const servers: ServerProcess[] = [];
    const cleanUp = async () => {
      await Promise.all(servers.map((server) => terminate(server.child, server.exited)));
      await schemas
        .drop()
        .catch((error: unknown) => console.error('bench: dropping the schema failed:', error));
      await deleteKeys(redisUrl, prefix);
      rmSync(dataDir, { recursive: true, force: true });
    };
    try {
      for (const instance of ['a', 'b']) {
        servers.push(await startOlievlek(dataDir, { ...env, INSTANCE_ID: `bench-${instance}` }));
      }
    } catch (error) {
      await cleanUp();
      const refused = /"event":"server\.config_invalid".*?"message":"([^"]*)"/.exec(String(error));
      return {
        skipped: refused
          ? `the server refuses to start with REDIS_URL (${refused[1]}): fan-out not on this branch yet`
          : `could not start: ${String(error).slice(0, 300)}`,
      };
    }
    return {
      pids: servers.map((server) => server.child.pid!),
      rooms: (count, perRoom) => olievlekRooms(servers, count, perRoom),
      stop: cleanUp,
    };
  },
};

/** Deletes every Redis key under `prefix`. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch (error) {
    console.error('bench: deleting the Redis keys failed:', error);
  } finally {
    redis.disconnect();
  }
}

/**
 * Several real server processes serving the same boards (DESIGN.md contract 2): one fresh
 * PostgreSQL schema and one random REDIS_PREFIX per cluster, both removed by `stop()`. Instances
 * can be killed with SIGKILL and started again on their port.
 *
 *   const cluster = await startCluster({ size: 2 });
 *   const [a, b] = cluster.instances;
 *   await cluster.kill(0);
 *   await cluster.restart(0);
 *   await cluster.stop();
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { testSchemas } from '../server/postgresSchemas';
import { spawnServer, type ServerProcess } from './serverProcess';
import { postgresAvailable, redisAddress, redisAvailable } from './services';

/** Several instances on one database schema and one Redis prefix. */
export interface Cluster {
  /** The DATABASE_URL every instance uses (its own schema). */
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly redisPrefix: string;
  /** The schema name inside the test database. */
  readonly schema: string;
  /** The current process of each instance (replaced by `restart`). */
  readonly instances: readonly ServerProcess[];
  /** Kills instance `index` with SIGKILL and resolves once it has exited. */
  kill(index: number): Promise<void>;
  /** Stops instance `index` with SIGTERM (flush, then exit) and resolves with its exit code. */
  terminate(index: number): Promise<number | null>;
  /** Starts instance `index` again on its port (after `kill` or `terminate`). */
  restart(index: number): Promise<ServerProcess>;
  /** Everything every instance has printed, for failure messages. */
  output(): string;
  /** Kills every instance, drops the schema and deletes the prefix's Redis keys. */
  stop(): Promise<void>;
}

/** How the cluster is made. */
export interface ClusterOptions {
  /** Instances (2 unless told). */
  readonly size?: number;
  /** The Redis to use; this machine's (REDIS_URL or 127.0.0.1:6379) unless told. */
  readonly redisUrl?: string;
  /** Further environment for every instance. */
  readonly env?: NodeJS.ProcessEnv;
  /** The port the instances reach PostgreSQL on (a relay the test can cut); the clean-up uses the real one. */
  readonly databasePort?: number;
}

/** Whether PostgreSQL and Redis are both there; skips (or, under REQUIRE_SERVICES=1, fails) otherwise. */
export async function clusterServicesAvailable(): Promise<boolean> {
  const [postgres, redis] = await Promise.all([postgresAvailable(), redisAvailable()]);
  return postgres && redis;
}

/** This machine's Redis as a URL. */
export function defaultRedisUrl(): string {
  const { host, port } = redisAddress();
  return `redis://${host}:${port}`;
}

/** Starts `size` instances on a fresh schema and a random Redis prefix. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const schemas = testSchemas();
  const databaseUrl = schemas.url();
  const schema = schemas.names[0]!;
  const redisUrl = options.redisUrl ?? defaultRedisUrl();
  const redisPrefix = `olievlek-test:${randomBytes(6).toString('hex')}:`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-cluster-'));
  const instanceDatabaseUrl = new URL(databaseUrl);
  if (options.databasePort) instanceDatabaseUrl.port = String(options.databasePort);
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    DATABASE_URL: instanceDatabaseUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    ROOM_UNLOAD_MS: options.env?.ROOM_UNLOAD_MS ?? '500',
  };
  const instances: ServerProcess[] = [];
  const finished: ServerProcess[] = [];
  // Started one after the other: the first migrates the schema, the others find it done.
  const start = async (index: number, port = 0) => {
    const server = await spawnServer({
      dataDir,
      port,
      env: { ...env, INSTANCE_ID: `instance-${index}` },
    });
    instances[index] = server;
    return server;
  };
  const cluster: Cluster = {
    databaseUrl,
    redisUrl,
    redisPrefix,
    schema,
    instances,
    async kill(index) {
      const server = instances[index]!;
      server.child.kill('SIGKILL');
      await server.exited;
      finished.push(server);
    },
    async terminate(index) {
      const server = instances[index]!;
      server.child.kill('SIGTERM');
      const code = await server.exited;
      finished.push(server);
      return code;
    },
    async restart(index) {
      const server = instances[index]!;
      if (server.child.exitCode === null && server.child.signalCode === null)
        throw new Error(`instance ${index} still runs`);
      return start(index, server.port);
    },
    output() {
      return [...finished, ...instances]
        .map((server) => `--- instance on port ${server.port}\n${server.output().slice(-20_000)}`)
        .join('\n');
    },
    async stop() {
      await Promise.all(
        instances.map((server) => {
          server.child.kill('SIGKILL');
          return server.exited;
        }),
      );
      rmSync(dataDir, { recursive: true, force: true });
      await schemas.drop();
      await deleteKeys(redisUrl, redisPrefix).catch(() => {});
    },
  };
  try {
    for (let index = 0; index < (options.size ?? 2); index += 1) await start(index);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/** Deletes every key starting with `prefix` (SCAN, then DEL in batches). */
export function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  return withRedis(redisUrl, async (redis) => {
    let deleted = 0;
    for (const batch of await scan(redis, `${escapeGlob(prefix)}*`))
      if (batch.length > 0) deleted += await redis.del(...batch);
    return deleted;
  });
}

/** Every key starting with `prefix`. */
export function keysWithPrefix(redisUrl: string, prefix: string): Promise<string[]> {
  return scanKeys(redisUrl, `${escapeGlob(prefix)}*`);
}

/** Every key containing `text` anywhere. */
export function keysContaining(redisUrl: string, text: string): Promise<string[]> {
  return scanKeys(redisUrl, `*${escapeGlob(text)}*`);
}

/** Every key matching the glob `pattern`. */
function scanKeys(redisUrl: string, pattern: string): Promise<string[]> {
  return withRedis(redisUrl, async (redis) => (await scan(redis, pattern)).flat());
}

/** The keys matching `pattern`, a SCAN page at a time (so Redis is never blocked). */
async function scan(redis: Redis, pattern: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    pages.push(keys);
  } while (cursor !== '0');
  return pages;
}

/** Runs `fn` on a short-lived connection that fails at once instead of retrying. */
async function withRedis<T>(redisUrl: string, fn: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  await redis.connect();
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

/** `text` with Redis glob characters escaped, so MATCH takes it literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

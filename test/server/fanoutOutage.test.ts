/**
 * Redis going away under two instances (in one process, on a private redis-server that the
 * test kills and starts again on the same port, empty): neither instance stops serving its
 * own clients, and once Redis is back each catches up with what the other stored meanwhile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canConnect, postgresAvailable } from '../support/services';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';
import { testSchemas } from './postgresSchemas';

const REDIS_SERVER = '/usr/bin/redis-server';
const haveRedisServer = existsSync(REDIS_SERVER);
if (!haveRedisServer) {
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but ${REDIS_SERVER} is missing`);
  console.warn(`skipping the Redis outage tests: no ${REDIS_SERVER}`);
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A throwaway redis-server on `port` that keeps nothing on disk. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await waitFor(() => canConnect({ host: '127.0.0.1', port }, 200), `redis-server on ${port}`);
  return child;
}

async function stopRedis(child: ChildProcess, port: number): Promise<void> {
  child.kill('SIGKILL');
  await waitFor(async () => !(await canConnect({ host: '127.0.0.1', port }, 200)), 'redis-server gone');
}

async function ready(server: TestServer): Promise<number> {
  return (await fetch(`${server.http}/readyz`)).status;
}

describe.runIf(haveRedisServer && (await postgresAvailable()))('two instances while Redis goes away', () => {
  const schemas = testSchemas();
  let port: number;
  let redis: ChildProcess;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    const shared = {
      databaseUrl: schemas.url(),
      redisUrl: `redis://127.0.0.1:${port}`,
      redisPrefix: 'outage:',
    };
    a = await startTestServer(shared);
    b = await startTestServer(shared);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    redis?.kill('SIGKILL');
    await schemas.drop();
  });

  it('keeps serving each instance’s own clients, then catches up once Redis is back', async () => {
    const board = await createBoard(a, 'Storing');
    const a1 = await connectSynced(a, board.id, board.tokens.participant);
    const a2 = await connectSynced(a, board.id, board.tokens.participant);
    const b1 = await connectSynced(b, board.id, board.tokens.participant);
    a1.doc.getMap('items').set('before', 1);
    await waitFor(() => b1.doc.getMap('items').get('before') === 1, 'the first edit on B');

    await stopRedis(redis, port);
    await waitFor(async () => (await ready(a)) === 503, 'A not ready without Redis');
    a1.doc.getMap('items').set('during-a', 2);
    b1.doc.getMap('items').set('during-b', 3);
    await waitFor(() => a2.doc.getMap('items').get('during-a') === 2, 'A’s clients still edit together');
    await b1.roundTrip();
    expect(b1.doc.getMap('items').get('during-a')).toBeUndefined();

    redis = await startRedis(port);
    await waitFor(() => b1.doc.getMap('items').get('during-a') === 2, 'A’s outage edit on B', 15_000);
    await waitFor(() => a2.doc.getMap('items').get('during-b') === 3, 'B’s outage edit on A', 15_000);
    await waitFor(async () => (await ready(a)) === 200 && (await ready(b)) === 200, 'ready again');
    // And the fan-out runs again as before.
    b1.doc.getMap('items').set('after', 4);
    await waitFor(() => a1.doc.getMap('items').get('after') === 4, 'an edit after the outage');
    for (const client of [a1, a2, b1]) client.destroy();
  });

  it('starts without Redis, not ready, and joins the other instance once Redis comes', async () => {
    await stopRedis(redis, port);
    const shared = {
      databaseUrl: schemas.url(),
      redisUrl: `redis://127.0.0.1:${port}`,
      redisPrefix: 'late:',
    };
    const c = await startTestServer(shared);
    const d = await startTestServer(shared);
    try {
      expect(await ready(c)).toBe(503);
      const board = await createBoard(c, 'Later');
      const onC = await connectSynced(c, board.id, board.tokens.participant);
      const onD = await connectSynced(d, board.id, board.tokens.participant);
      onC.doc.getMap('items').set('alone', 1);
      redis = await startRedis(port);
      await waitFor(() => onD.doc.getMap('items').get('alone') === 1, 'C’s edit on D', 15_000);
      await waitFor(async () => (await ready(c)) === 200, 'C ready');
      onD.doc.getMap('items').set('together', 2);
      await waitFor(() => onC.doc.getMap('items').get('together') === 2, 'D’s edit on C');
      onC.destroy();
      onD.destroy();
    } finally {
      await c.stop();
      await d.stop();
    }
  });
});

/**
 * Redis going away under two instances (in one process, on a private redis-server that the
 * test kills and starts again on the same port, empty): neither instance stops serving its
 * own clients, and once Redis is back each catches up with what the other stored meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/services';
import { redisServerAvailable, startPrivateRedis, type PrivateRedis } from '../support/privateRedis';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';
import { testSchemas } from './postgresSchemas';

async function ready(server: TestServer): Promise<number> {
  return (await fetch(`${server.http}/readyz`)).status;
}

describe.runIf(redisServerAvailable() && (await postgresAvailable()))(
  'two instances while Redis goes away',
  () => {
    const schemas = testSchemas();
    let redis: PrivateRedis;
    let a: TestServer;
    let b: TestServer;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      const shared = {
        databaseUrl: schemas.url(),
        redisUrl: redis.url,
        redisPrefix: 'outage:',
      };
      a = await startTestServer(shared);
      b = await startTestServer(shared);
    });

    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await redis?.kill();
      await schemas.drop();
    });

    it('keeps serving each instance’s own clients, then catches up once Redis is back', async () => {
      const board = await createBoard(a, 'Storing');
      const a1 = await connectSynced(a, board.id, board.tokens.participant);
      const a2 = await connectSynced(a, board.id, board.tokens.participant);
      const b1 = await connectSynced(b, board.id, board.tokens.participant);
      a1.doc.getMap('items').set('before', 1);
      await waitFor(() => b1.doc.getMap('items').get('before') === 1, 'the first edit on B');

      await redis.kill();
      await waitFor(async () => (await ready(a)) === 503, 'A not ready without Redis');
      a1.doc.getMap('items').set('during-a', 2);
      b1.doc.getMap('items').set('during-b', 3);
      await waitFor(() => a2.doc.getMap('items').get('during-a') === 2, 'A’s clients still edit together');
      await b1.roundTrip();
      expect(b1.doc.getMap('items').get('during-a')).toBeUndefined();

      await redis.start();
      await waitFor(() => b1.doc.getMap('items').get('during-a') === 2, 'A’s outage edit on B', 15_000);
      await waitFor(() => a2.doc.getMap('items').get('during-b') === 3, 'B’s outage edit on A', 15_000);
      await waitFor(async () => (await ready(a)) === 200 && (await ready(b)) === 200, 'ready again');
      // And the fan-out runs again as before.
      b1.doc.getMap('items').set('after', 4);
      await waitFor(() => a1.doc.getMap('items').get('after') === 4, 'an edit after the outage');
      for (const client of [a1, a2, b1]) client.destroy();
    });

    it('starts without Redis, not ready, and joins the other instance once Redis comes', async () => {
      await redis.kill();
      const shared = {
        databaseUrl: schemas.url(),
        redisUrl: redis.url,
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
        await redis.start();
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
  },
);

/**
 * Redis going away and coming back (issue 13, point 4), on a private redis-server the test kills
 * with SIGKILL and starts again on the same port: no instance crashes, /readyz says 503 while
 * Redis is away, each instance keeps serving its own clients, and once Redis is back the edits
 * made during the outage reach the other instance's clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { startCluster, type Cluster } from '../support/cluster';
import { redisServerAvailable, startPrivateRedis, type PrivateRedis } from '../support/privateRedis';
import { postgresAvailable } from '../support/services';
import {
  itemText,
  running,
  statusOf,
  sameState,
  waitLong,
  clientsPerTest,
  printOnFailure,
} from './clusterHelpers';
import { createBoard } from './helpers';

const enabled = (await postgresAvailable()) && redisServerAvailable();
let redis: PrivateRedis;
let cluster: Cluster;
const { join } = clientsPerTest();

beforeAll(async () => {
  if (!enabled) return;
  redis = await startPrivateRedis();
  cluster = await startCluster({ size: 2, redisUrl: redis.url });
});
afterAll(async () => {
  // The cluster first: its clean-up deletes its keys from this Redis.
  await cluster?.stop();
  await redis?.kill();
});
printOnFailure(() => `${cluster?.output()}\n--- redis\n${redis?.output()}`);

describe.runIf(enabled)('Redis going away and coming back', () => {
  it('crashes no instance, keeps each serving its own clients, and catches up after', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!, 'Storing');
    const a1 = await join(a!, board.id, board.tokens.participant);
    const a2 = await join(a!, board.id, board.tokens.participant);
    const b1 = await join(b!, board.id, board.tokens.participant);
    const b2 = await join(b!, board.id, board.tokens.participant);
    const before = createItem(a1.doc, { kind: 'note', x: 0, y: 0, text: 'voor de storing' }, 'a1');
    await waitLong(() => itemText(b1.doc, before) !== undefined, 'the fan-out working first');

    await redis.kill();
    for (const server of [a!, b!])
      await waitLong(async () => (await statusOf(server, '/readyz')) === 503, 'not ready without Redis');

    // Each instance still serves the clients it has: A's to A's, B's to B's.
    const onA = createItem(a1.doc, { kind: 'smallWin', x: 0, y: 300, text: 'tijdens, op A' }, 'a1');
    const onB = createItem(b1.doc, { kind: 'smallWin', x: 400, y: 300, text: 'tijdens, op B' }, 'b1');
    await waitLong(() => itemText(a2.doc, onA) === 'tijdens, op A', "A's edit reaching A's other client");
    await waitLong(() => itemText(b2.doc, onB) === 'tijdens, op B', "B's edit reaching B's other client");
    for (const server of [a!, b!]) {
      expect(running(server)).toBe(true);
      expect(await statusOf(server, '/healthz')).toBe(200);
    }

    await redis.start();
    for (const server of [a!, b!])
      await waitLong(async () => (await statusOf(server, '/readyz')) === 200, 'ready again', 20_000);
    // What each side did during the outage reaches the other.
    await waitLong(() => itemText(b1.doc, onA) === 'tijdens, op A', "A's outage edit on B", 20_000);
    await waitLong(() => itemText(a1.doc, onB) === 'tijdens, op B', "B's outage edit on A", 20_000);
    // And the fan-out carries new edits as before.
    const after = createItem(b2.doc, { kind: 'note', x: 0, y: 600, text: 'na de storing' }, 'b2');
    await waitLong(() => itemText(a2.doc, after) === 'na de storing', 'a new edit from B on A');
    await waitLong(() => sameState(a1.doc, b1.doc), 'every replica equal');
    expect(running(a!) && running(b!)).toBe(true);
  });
});

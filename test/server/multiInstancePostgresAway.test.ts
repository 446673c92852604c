/**
 * PostgreSQL going away under running instances (issue 13, points 1 and 9): the instances reach
 * it through a relay the test cuts, which drops every pooled connection at once. Neither
 * instance crashes, `/readyz` answers 503 while PostgreSQL is away (and `/healthz` 200), and
 * once it is back both are ready again, the edit made meanwhile reaches the other instance, and
 * both serve boards as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { postgresAddress } from '../support/services';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { itemText, running, statusOf, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { createBoard } from './helpers';

const enabled = await clusterServicesAvailable();
let relay: TcpProxy;
let cluster: Cluster;
const { join } = clientsPerTest();

beforeAll(async () => {
  if (!enabled) return;
  relay = await startTcpProxy(postgresAddress());
  cluster = await startCluster({ size: 2, databasePort: relay.port });
});
afterAll(async () => {
  await cluster?.stop();
  await relay?.close();
});
printOnFailure(() => cluster?.output());

describe.runIf(enabled)('PostgreSQL going away', () => {
  it('crashes no instance, makes both unready while away and ready again after', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!, 'Database weg');
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    const before = createItem(onA.doc, { kind: 'note', x: 0, y: 0, text: 'ervoor' }, 'a');
    await waitLong(() => itemText(onB.doc, before) === 'ervoor', 'the edit before');
    for (const server of [a!, b!]) expect(await statusOf(server, '/readyz')).toBe(200);

    await relay.cut();
    for (const server of [a!, b!]) {
      await waitLong(async () => (await statusOf(server, '/readyz')) === 503, 'unready without PostgreSQL');
      expect(await statusOf(server, '/healthz')).toBe(200);
    }
    // A new board cannot be made without the store: a clear refusal, not a hang or a crash.
    const refused = await fetch(`${b!.http}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Nu niet' }),
    });
    expect(refused.status).toBeGreaterThanOrEqual(500);
    // An edit made meanwhile cannot be stored; its author keeps it.
    const meanwhile = createItem(onA.doc, { kind: 'note', x: 300, y: 0, text: 'tijdens' }, 'a');
    expect(running(a!) && running(b!)).toBe(true);

    await relay.restore();
    for (const server of [a!, b!])
      await waitLong(async () => (await statusOf(server, '/readyz')) === 200, 'ready again', 30_000);
    // The author's client sends it again once the store is back, and it reaches B.
    await waitLong(
      () => itemText(onB.doc, meanwhile) === 'tijdens',
      'the edit made while away, on B',
      30_000,
    );
    const after = await createBoard(b!, 'Weer terug');
    const fresh = await join(a!, after.id, after.tokens.participant);
    const onBAgain = await join(b!, after.id, after.tokens.participant);
    const id = createItem(fresh.doc, { kind: 'note', x: 0, y: 0, text: 'erna' }, 'a');
    await waitLong(() => itemText(onBAgain.doc, id) === 'erna', 'an edit across instances after');
    expect(running(a!) && running(b!)).toBe(true);
  });
});

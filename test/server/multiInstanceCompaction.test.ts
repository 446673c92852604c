/**
 * Compaction while several instances write (issue 13, point 2: one instance compacts a room at a
 * time): with COMPACT_AFTER_UPDATES small, clients on two instances add cards at once, so the
 * update log is rewritten again and again under both writers. Nothing may go missing: every
 * instance's clients converge, and after every instance is killed, instances started afresh
 * serve every card from PostgreSQL alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { getItems } from '../../shared/ydoc';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { sameState, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { createBoard, type TestClient } from './helpers';
import { seriesValue } from './promText';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
const { join } = clientsPerTest();

beforeAll(async () => {
  if (enabled) cluster = await startCluster({ size: 2, env: { COMPACT_AFTER_UPDATES: '10' } });
});
afterAll(async () => {
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

/** Adds `count` cards to `client`'s document, one every few milliseconds. */
async function type(client: TestClient, prefix: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    createItem(client.doc, { kind: 'note', x: i * 10, y: 0, text: `${prefix}${i}` }, prefix);
    await new Promise((resolve) => setImmediate(resolve));
    if (i % 10 === 0) await client.roundTrip();
  }
}

describe.runIf(enabled)('compaction under writers on two instances', () => {
  it('loses no card, live or after every instance restarted', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!, 'Compactie');
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    await Promise.all([type(onA, 'a', 80), type(onB, 'b', 80)]);
    await waitLong(() => sameState(onA.doc, onB.doc), 'both replicas equal');
    expect(getItems(onA.doc).size).toBe(160);
    // The log was indeed rewritten while both wrote.
    let compactions = 0;
    for (const server of [a!, b!])
      compactions += seriesValue(
        await (await fetch(`${server.http}/metrics`)).text(),
        'olievlek_compactions_total',
      );
    expect(compactions).toBeGreaterThan(0);

    // Only the store is left: every instance killed, new ones started on the same schema.
    await cluster.kill(0);
    await cluster.kill(1);
    const again = await cluster.restart(1);
    const fresh = await join(again, board.id, board.tokens.viewer);
    expect(getItems(fresh.doc).size).toBe(160);
    expect(sameState(fresh.doc, onA.doc)).toBe(true);
  });
});

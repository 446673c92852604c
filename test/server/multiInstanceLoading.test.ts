/**
 * A room that loads on one instance while another writes to it (issue 13, point 2: a room loads
 * from PostgreSQL plus the stream tail): whatever lands between the read of the store and the
 * first message from the stream must still reach the clients of the loading instance. Each round
 * opens a new board on B while a client on A is adding cards every few milliseconds, then
 * checks that B's client ends up with exactly the author's document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { getItems } from '../../shared/ydoc';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { sameState, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { createBoard, type TestClient } from './helpers';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
const { join } = clientsPerTest();

beforeAll(async () => {
  if (enabled) cluster = await startCluster({ size: 2 });
});
afterAll(async () => {
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

describe.runIf(enabled)('a room loading on B while A writes', () => {
  it('misses nothing written around the load', async () => {
    const [a, b] = cluster.instances;
    for (let round = 1; round <= 5; round += 1) {
      const board = await createBoard(a!, `Ronde ${round}`);
      const author = await join(a!, board.id, board.tokens.participant);
      let written = 0;
      const typing = setInterval(() => {
        written += 1;
        createItem(author.doc, { kind: 'note', x: written * 10, y: 0, text: `${round}.${written}` }, 'a');
      }, 3);
      let observer: TestClient;
      try {
        // A few cards first, so the store holds some and the stream carries the rest.
        await waitLong(() => written >= 5 * round, 'the first cards');
        observer = await join(b!, board.id, board.tokens.viewer);
        const seen = getItems(observer.doc).size;
        await waitLong(
          () => getItems(observer.doc).size >= seen + 10,
          'B following the writes after loading',
        );
      } finally {
        clearInterval(typing);
      }
      await waitLong(() => sameState(observer.doc, author.doc), `round ${round}: B with everything A wrote`);
      expect(getItems(observer.doc).size).toBe(written);
    }
  });
});

/** Every limit closes only the offender; other rooms keep syncing through each breach. */
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import type { Storage } from '../../server/storage/storage';
import { seriesValue } from './promText';
import {
  connectSynced,
  createBoard,
  encodeUpdateMessage,
  rawClient,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestClient,
  type TestServer,
} from './helpers';

let server: TestServer;
let board: TestBoard;
let bystanders: [TestClient, TestClient];
let round = 0;

beforeAll(async () => {
  server = await startTestServer({ maxMessageBytes: 4096, maxMessagesPerSecond: 50, maxRoomsPerAddress: 6 });
  board = await createBoard(server);
  const quiet = await createBoard(server, 'Quiet room');
  bystanders = [
    await connectSynced(server, quiet.id, quiet.tokens.participant),
    await connectSynced(server, quiet.id, quiet.tokens.participant),
  ];
});
afterAll(async () => {
  bystanders.forEach((c) => c.destroy());
  await server.stop();
});
afterEach(async () => {
  // The other room is unaffected by whatever the test did.
  round += 1;
  bystanders[0].doc.getMap('items').set('round', round);
  await waitFor(() => bystanders[1].doc.getMap('items').get('round') === round, 'bystanders still sync');
});

describe('limits', () => {
  it('closes a connection that sends a message over MAX_MESSAGE_BYTES with 1009', async () => {
    const client = await rawClient(server, board.id, board.tokens.participant);
    client.send(new Uint8Array(5000));
    expect((await client.closed).code).toBe(1009);
  });

  it.each([
    ['an unknown message type', [9]],
    ['an unknown sync message type', [0, 7, 0]],
    ['a truncated payload', [0, 2, 100, 1, 2]],
    ['an update Yjs cannot read', [...encodeUpdateMessage(Uint8Array.from([5, 1, 2, 3, 4, 5, 6, 7]))]],
    ['a bad state vector', [0, 0, 3, 200, 200, 200]],
    ['an awareness update that is not JSON', [1, 5, 1, 7, 1, 1, 0x7b]],
  ])('closes a connection that sends %s with 4400', async (_name, bytes) => {
    const client = await rawClient(server, board.id, board.tokens.participant);
    client.send(bytes);
    expect((await client.closed).code).toBe(4400);
  });

  it('closes a connection that sends text frames with 4400', async () => {
    const client = await rawClient(server, board.id, board.tokens.participant);
    client.send('hello');
    expect((await client.closed).code).toBe(4400);
  });

  it('survives random bytes from many connections (seeded)', async () => {
    let seed = 20_260_401;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const clients = await Promise.all(
      [1, 2, 3].map(() => rawClient(server, board.id, board.tokens.facilitator)),
    );
    for (let i = 0; i < 30; i++) {
      const length = 1 + Math.floor(random() * 64);
      // Mostly valid message types, so the bytes reach the sync and awareness decoders.
      const bytes = Array.from({ length }, (_, j) =>
        j === 0 ? Math.floor(random() * 4) : Math.floor(random() * 256),
      );
      clients[i % 3]!.send(bytes);
    }
    clients.forEach((c) => c.ws.close());
    await Promise.all(clients.map((c) => c.closed));
    const health = await fetch(`${server.http}/healthz`);
    expect(health.status).toBe(200);
  });

  it('closes a connection over the message rate with 1008', async () => {
    const client = await rawClient(server, board.id, board.tokens.participant);
    for (let i = 0; i < 300; i++) client.send([3]);
    expect((await client.closed).code).toBe(1008);
  });

  it('limits open rooms per client address with 1013', async () => {
    // The two bystanders hold two of the six.
    const open = await Promise.all([1, 2, 3, 4].map(() => rawClient(server, board.id, board.tokens.viewer)));
    const extra = await rawClient(server, board.id, board.tokens.viewer);
    expect((await extra.closed).code).toBe(1013);
    open.forEach((c) => c.ws.close());
    await Promise.all(open.map((c) => c.closed));
  });
});

describe('unauthenticated connections', () => {
  it('answers 503 to upgrades beyond the limit while token checks are pending', async () => {
    const inner = createMemoryStorage();
    let gate = Promise.resolve();
    const gated: Storage = {
      ...inner,
      getBoard: async (id) => {
        await gate;
        return inner.getBoard(id);
      },
    };
    const slow = await startTestServer({ maxUnauthenticated: 2 }, gated);
    const created = await createBoard(slow);
    let reopen!: () => void;
    gate = new Promise<void>((resolve) => (reopen = resolve));
    const url = `${slow.ws}/${created.id}?token=${created.tokens.participant}`;
    const waiting = [new WebSocket(url), new WebSocket(url)];
    await waitFor(
      async () =>
        seriesValue(await slow.metrics.registry.render(), 'olievlek_connections_unauthenticated') === 2,
      'two pending',
    );
    const refused = new WebSocket(url);
    const statusCode = await new Promise<number>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.on('error', () => undefined);
    });
    expect(statusCode).toBe(503);
    reopen();
    await Promise.all(waiting.map((ws) => new Promise((resolve) => ws.once('open', resolve))));
    waiting.forEach((ws) => ws.close());
    await slow.stop();
  });
});

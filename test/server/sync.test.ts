/** Two real WebsocketProvider clients syncing through a real server with SQLite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('sync through the server', () => {
  it('gives a new client the meta the server wrote at creation', async () => {
    const board = await createBoard(server, 'Rivierenland', 'nl');
    const client = await connectSynced(server, board.id, board.tokens.participant);
    const meta = client.doc.getMap('meta');
    expect(meta.toJSON()).toEqual({ schemaVersion: 1, title: 'Rivierenland', language: 'nl' });
    client.destroy();
  });

  it('relays edits both ways', async () => {
    const board = await createBoard(server);
    const a = await connectSynced(server, board.id, board.tokens.facilitator);
    const b = await connectSynced(server, board.id, board.tokens.participant);
    a.doc.getMap('items').set('a', 1);
    await waitFor(() => b.doc.getMap('items').get('a') === 1, 'b sees a');
    b.doc.getMap('items').set('b', 2);
    await waitFor(() => a.doc.getMap('items').get('b') === 2, 'a sees b');
    a.destroy();
    b.destroy();
  });

  it('converges concurrent text edits', async () => {
    const board = await createBoard(server);
    const a = await connectSynced(server, board.id, board.tokens.participant);
    const b = await connectSynced(server, board.id, board.tokens.participant);
    const textA = a.doc.getText('t');
    const textB = b.doc.getText('t');
    for (let i = 0; i < 50; i++) {
      textA.insert(Math.floor(textA.length / 2), 'a');
      textB.insert(0, 'b');
    }
    await waitFor(() => textA.length === 100 && textA.toString() === textB.toString(), 'texts converge');
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(fresh.doc.getText('t').toString()).toBe(textA.toString());
    for (const c of [a, b, fresh]) c.destroy();
  });
});

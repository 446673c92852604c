/** Pings drop peers that stopped answering, which frees their presence for everyone else. */
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSynced,
  createBoard,
  encodeAwarenessMessage,
  startTestServer,
  waitFor,
  type TestServer,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ pingIntervalMs: 100 });
});
afterAll(async () => {
  await server.stop();
});

describe('liveness', () => {
  it('terminates a connection that stops answering pings and removes its presence', async () => {
    const board = await createBoard(server);
    const observer = await connectSynced(server, board.id, board.tokens.viewer);
    const silent = new WebSocket(`${server.ws}/${board.id}?token=${board.tokens.participant}`, {
      autoPong: false,
    });
    await new Promise((resolve) => silent.once('open', resolve));
    silent.send(encodeAwarenessMessage([[777777, 1, { name: 'Silent' }]]));
    await waitFor(() => observer.provider.awareness.getStates().has(777777), 'presence arrives');
    const code = await new Promise<number>((resolve) => silent.once('close', resolve));
    expect(code).toBe(1006);
    await waitFor(() => !observer.provider.awareness.getStates().has(777777), 'presence removed');
    // An answering client stays connected through many ping rounds.
    expect(observer.provider.wsconnected).toBe(true);
    observer.destroy();
  });
});

/**
 * Token refusals happen right after the upgrade, with 4401/4404, before any room loads or any
 * sync message goes out; the standard client then stops reconnecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  createBoard,
  rawClient,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestServer,
} from './helpers';

let server: TestServer;
let board: TestBoard;
let other: TestBoard;
beforeAll(async () => {
  server = await startTestServer();
  board = await createBoard(server);
  other = await createBoard(server, 'Another board');
});
afterAll(async () => {
  await server.stop();
});

describe('websocket token check', () => {
  const cases: [string, () => [room: string, token: string | null], number][] = [
    ['a missing token', () => [board.id, null], 4401],
    ['a wrong token', () => [board.id, 'x'.repeat(43)], 4401],
    ["another board's token", () => [board.id, other.tokens.facilitator], 4401],
    [
      "another board's token on the control room",
      () => [`${board.id}/control`, other.tokens.facilitator],
      4401,
    ],
    ['an unknown board', () => ['AAAAAAAAAAAAAAAA', board.tokens.facilitator], 4404],
    ['a room name that is no board', () => [`${board.id}/nope`, board.tokens.facilitator], 4404],
  ];

  it.each(cases)('closes %s before loading or sending anything', async (_name, target, code) => {
    const [room, token] = target();
    const client = await rawClient(server, room, token);
    const closed = await client.closed;
    expect(closed.code).toBe(code);
    expect(client.messages).toEqual([]);
    expect(server.rooms.peek(room)).toBeUndefined();
    expect(server.rooms.peek(board.id)).toBeUndefined();
  });

  it('makes the standard client stop and report the code', async () => {
    const client = connect(server, board.id, 'wrong-token');
    await waitFor(() => client.closedWith.length > 0, 'closed event');
    expect(client.closedWith).toEqual([4401]);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.provider.synced).toBe(false);
    client.destroy();
  });

  it('accepts every role of the right board', async () => {
    for (const token of Object.values(board.tokens)) {
      const client = connect(server, board.id, token);
      await waitFor(() => client.provider.synced, 'synced');
      expect(client.closedWith).toEqual([]);
      client.destroy();
    }
  });
});

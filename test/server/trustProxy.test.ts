/**
 * Per-address limits behind a proxy (issue 13, point 5): with TRUST_PROXY unset every client
 * of the balancer shares its address and one limit, whatever X-Forwarded-For says; with
 * TRUST_PROXY=1 each client has its own, taken from the right-most entry, and an entry a client
 * forged to the left changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { syntheticBoard } from '../bench/boards';
import { createBoard, startTestServer, type TestBoard, type TestServer } from './helpers';

let server: TestServer | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.stop();
  server = undefined;
});

/** Posts a small import as if a proxy forwarded it for `forwardedFor`. */
async function importAs(forwardedFor: string): Promise<number> {
  const res = await fetch(`${server!.http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify(syntheticBoard(3, 0)),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Opens a room as if forwarded for `forwardedFor`: 'joined' on the first sync message, else the close code. */
function joinAs(board: TestBoard, forwardedFor: string): Promise<'joined' | number> {
  const ws = new WebSocket(`${server!.ws}/${board.id}?token=${board.tokens.viewer}`, {
    headers: { 'x-forwarded-for': forwardedFor },
  });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('message', () => resolve('joined'));
    ws.once('close', (code) => resolve(code));
    ws.once('error', reject);
  });
}

describe('imports per minute per address', () => {
  it('without TRUST_PROXY, counts every forwarded client as the proxy', async () => {
    server = await startTestServer({ importsPerMinute: 1 });
    expect(await importAs('198.51.100.1')).toBe(201);
    expect(await importAs('198.51.100.2')).toBe(429);
  });

  it('with TRUST_PROXY=1, counts each client by the right-most X-Forwarded-For entry', async () => {
    server = await startTestServer({ importsPerMinute: 1, trustProxy: 1 });
    expect(await importAs('198.51.100.1')).toBe(201);
    expect(await importAs('198.51.100.2')).toBe(201);
    // A client writing its own header cannot pass for someone else: the proxy appends the truth.
    expect(await importAs('203.0.113.7, 198.51.100.1')).toBe(429);
    // The same client over IPv4-mapped IPv6 is the same address.
    expect(await importAs('::ffff:198.51.100.2')).toBe(429);
  });
});

describe('open rooms per address', () => {
  it('without TRUST_PROXY, clients behind the proxy share one limit', async () => {
    server = await startTestServer({ maxRoomsPerAddress: 1 });
    const board = await createBoard(server);
    expect(await joinAs(board, '198.51.100.1')).toBe('joined');
    expect(await joinAs(board, '198.51.100.2')).toBe(1013);
  });

  it('with TRUST_PROXY=1, each forwarded client has its own limit', async () => {
    server = await startTestServer({ maxRoomsPerAddress: 1, trustProxy: 1 });
    const board = await createBoard(server);
    expect(await joinAs(board, '198.51.100.1')).toBe('joined');
    expect(await joinAs(board, '198.51.100.2')).toBe('joined');
    expect(await joinAs(board, '203.0.113.7, 198.51.100.1')).toBe(1013);
    // A request that reached the server without the proxy counts as its peer address.
    expect(await joinAs(board, '')).toBe('joined');
  });
});

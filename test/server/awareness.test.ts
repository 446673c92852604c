/** Presence: a connection sets only its own client ids, big states are dropped, broadcasts coalesce. */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSynced,
  createBoard,
  encodeAwarenessMessage,
  rawClient,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestServer,
} from './helpers';

let server: TestServer;
let board: TestBoard;
beforeAll(async () => {
  server = await startTestServer({ maxAwarenessBytes: 1024 });
  board = await createBoard(server);
});
afterAll(async () => {
  await server.stop();
});

const stateOf = (client: Awaited<ReturnType<typeof connectSynced>>, id: number) =>
  client.provider.awareness.getStates().get(id) as { name?: string } | undefined;

describe('awareness', () => {
  it('relays states and removes them when their connection closes', async () => {
    const alice = await connectSynced(server, board.id, board.tokens.participant);
    const bob = await connectSynced(server, board.id, board.tokens.viewer);
    alice.provider.awareness.setLocalState({ name: 'Alice' });
    await waitFor(() => stateOf(bob, alice.doc.clientID)?.name === 'Alice', 'bob sees alice');
    const id = alice.doc.clientID;
    alice.destroy();
    await waitFor(() => stateOf(bob, id) === undefined, 'alice gone for bob');
    bob.destroy();
  });

  it('drops states for client ids another connection owns', async () => {
    const alice = await connectSynced(server, board.id, board.tokens.participant);
    const bob = await connectSynced(server, board.id, board.tokens.participant);
    alice.provider.awareness.setLocalState({ name: 'Alice' });
    await waitFor(() => stateOf(bob, alice.doc.clientID)?.name === 'Alice', 'bob sees alice');
    const mallory = await rawClient(server, board.id, board.tokens.participant);
    mallory.send(
      encodeAwarenessMessage([
        [alice.doc.clientID, 1_000, { name: 'Mallory as Alice' }],
        [424242, 1, { name: 'Mallory' }],
      ]),
    );
    mallory.send(encodeAwarenessMessage([[alice.doc.clientID, 1_001, null]]));
    mallory.send(encodeAwarenessMessage([[424242, 2, { name: 'Mallory, still' }]]));
    // Mallory's own id arriving proves the server handled and flushed the spoof attempts.
    await waitFor(() => stateOf(bob, 424242)?.name === 'Mallory, still', 'bob sees mallory herself');
    expect(stateOf(bob, alice.doc.clientID)?.name).toBe('Alice');
    expect(stateOf(alice, alice.doc.clientID)?.name).toBe('Alice');
    mallory.ws.close();
    await waitFor(() => stateOf(bob, 424242) === undefined, "mallory's state removed on close");
    alice.destroy();
    bob.destroy();
  });

  it('drops states over the size cap', async () => {
    const bob = await connectSynced(server, board.id, board.tokens.viewer);
    const carol = await rawClient(server, board.id, board.tokens.participant);
    carol.send(encodeAwarenessMessage([[515151, 1, { name: 'x'.repeat(2_000) }]]));
    carol.send(encodeAwarenessMessage([[525252, 1, { name: 'Carol' }]]));
    await waitFor(() => stateOf(bob, 525252)?.name === 'Carol', 'small state arrives');
    expect(stateOf(bob, 515151)).toBeUndefined();
    carol.ws.close();
    bob.destroy();
  });

  it('coalesces a burst of changes into a few broadcasts with the latest state', async () => {
    const alice = await connectSynced(server, board.id, board.tokens.participant);
    const observer = await rawClient(server, board.id, board.tokens.viewer);
    await waitFor(() => observer.messages.length > 0, 'observer joined');
    const awarenessFrames = () =>
      observer.messages
        .map((m) => decoding.createDecoder(m))
        .filter((d) => decoding.readVarUint(d) === 1)
        .map((d) => decoding.readVarUint8Array(d));
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    const before = awarenessFrames().length;
    for (let i = 1; i <= 100; i++) alice.provider.awareness.setLocalState({ name: 'Alice', cursor: i });
    await waitFor(() => {
      for (const frame of awarenessFrames().slice(before))
        awarenessProtocol.applyAwarenessUpdate(seen, frame, 'server');
      return (seen.getStates().get(alice.doc.clientID) as { cursor?: number } | undefined)?.cursor === 100;
    }, 'observer sees the last cursor');
    const frames = awarenessFrames().length - before;
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(5);
    seen.destroy();
    alice.destroy();
    observer.ws.close();
  });
});

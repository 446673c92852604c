/**
 * Updates with missing dependencies (issue 12, finding 5): Yjs would park them in the server's
 * document, unstored and unbounded, and integrate them later under whatever rules hold then.
 * The server never lets it: such an update is dropped, so memory stays flat and an edit sent
 * during a lock never lands after the unlock. A raw y-protocols client plays the attacker.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriesValue } from './promText';
import {
  connect,
  connectSynced,
  createBoard,
  encodeStep1,
  encodeUpdateMessage,
  rawClient,
  startTestServer,
  waitFor,
  type RawClient,
  type TestServer,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** Two updates of one client, the second depending on the first. */
function chain(set: (doc: Y.Doc, n: number) => void): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  set(doc, 1);
  set(doc, 2);
  return [updates[0]!, updates[1]!];
}

/** Resolves once the server has handled everything `client` sent before (it answers step 1 in order). */
async function roundTrip(client: RawClient): Promise<void> {
  const replies = () => client.messages.filter((m) => m[0] === 0 && m[1] === 1).length;
  const before = replies();
  client.send(encodeStep1(new Y.Doc()));
  await waitFor(() => replies() > before, 'sync step 2 reply');
}

/** How many updates the server dropped for missing dependencies so far. */
async function missingDropped(): Promise<number> {
  return seriesValue(
    await server.metrics.registry.render(),
    'olievlek_updates_refused_total{reason="missing-dependencies"}',
  );
}

function step2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('updates with missing dependencies', () => {
  it('never lands an edit sent during a lock after the unlock', async () => {
    const board = await createBoard(server);
    const control = await connectSynced(server, `${board.id}/control`, board.tokens.facilitator);
    const watcher = await connectSynced(server, board.id, board.tokens.viewer);
    const lock = () => server.rooms.peek(`${board.id}/control`)?.control?.locked;
    const attacker = await rawClient(server, board.id, board.tokens.participant);
    const [first, second] = chain((doc, n) => doc.getMap('items').set(`edit-${n}`, n));

    control.doc.getMap('control').set('locked', true);
    await waitFor(() => lock() === true, 'locked');
    attacker.send(encodeUpdateMessage(second));
    await roundTrip(attacker);
    control.doc.getMap('control').set('locked', false);
    await waitFor(() => lock() === false, 'unlocked');
    attacker.send(encodeUpdateMessage(first));
    await waitFor(() => watcher.doc.getMap('items').get('edit-1') === 1, 'the complete edit lands');
    await roundTrip(attacker);
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('items').toJSON()).toEqual({ 'edit-1': 1 });
    expect(watcher.doc.getMap('items').toJSON()).toEqual({ 'edit-1': 1 });
    for (const c of [control, watcher, fresh]) c.destroy();
    attacker.ws.close();
  });

  it('holds nothing for updates whose dependencies never come', async () => {
    const board = await createBoard(server);
    const attacker = await rawClient(server, board.id, board.tokens.participant);
    for (let i = 0; i < 20; i++) {
      const [, dangling] = chain((doc, n) => doc.getText('t').insert(0, `${n}`.repeat(50_000)));
      attacker.send(encodeUpdateMessage(dangling));
    }
    await roundTrip(attacker);
    const room = server.rooms.peek(board.id)!;
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.store.pendingDs).toBeNull();
    expect(room.doc.getText('t').length).toBe(0);
    attacker.ws.close();
  });

  it('closes a client that diverged after its handshake with 4000, so it resyncs', async () => {
    const board = await createBoard(server);
    const attacker = await rawClient(server, board.id, board.tokens.participant);
    attacker.send(step2Message(Y.encodeStateAsUpdate(new Y.Doc())));
    const [, dangling] = chain((doc, n) => doc.getMap('items').set(`x${n}`, n));
    attacker.send(encodeUpdateMessage(dangling));
    let closed: { code: number; reason: string } | undefined;
    void attacker.closed.then((c) => (closed = c));
    await waitFor(() => closed, 'closed by the server');
    expect(closed!.code).toBe(4000);
    expect(closed!.reason).toBe('update with missing dependencies; reconnect to resync');
  });

  it('loses nothing of a standard client that edits offline and while it connects', async () => {
    const board = await createBoard(server);
    const droppedBefore = await missingDropped();
    const client = connect(server, board.id, board.tokens.participant);
    // Before the socket opens: these travel in the client's sync step 2.
    client.doc.getMap('items').set('offline-1', 1);
    client.doc.getMap('items').set('offline-2', 2);
    // The moment it opens, before the handshake: sent as an update that depends on the two
    // above, which the server does not have yet; dropped, and contained in the step 2.
    client.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') client.doc.getMap('items').set('connecting', 3);
    });
    await waitFor(() => client.provider.synced, 'synced');
    client.doc.getMap('items').set('online', 4);
    await client.roundTrip();
    expect(client.closedWith).toEqual([]);
    // The early update really was dropped (and so needed the step 2 to arrive).
    expect(await missingDropped()).toBeGreaterThan(droppedBefore);
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('items').toJSON()).toEqual({
      'offline-1': 1,
      'offline-2': 2,
      connecting: 3,
      online: 4,
    });
    client.destroy();
    fresh.destroy();
  });
});

/**
 * Presence hijack (issue 12, finding 6): a client id stays bound to the role that claimed it,
 * so after a participant reconnects a viewer cannot speak under their id; and the role shown
 * beside a name is the one the server stamped, whatever the client claimed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSynced,
  createBoard,
  encodeAwarenessMessage,
  rawClient,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestClient,
  type TestServer,
} from './helpers';

let server: TestServer;
let board: TestBoard;
beforeAll(async () => {
  server = await startTestServer();
  board = await createBoard(server);
});
afterAll(async () => {
  await server.stop();
});

interface Presence {
  user?: { id?: string; name?: string; role?: string };
}

const stateOf = (client: TestClient, id: number) =>
  client.provider.awareness.getStates().get(id) as Presence | undefined;

function user(name: string, role: string) {
  return { user: { id: name.toLowerCase(), name, colour: '#1c7ed6', role }, cursor: null, selection: [] };
}

describe('presence', () => {
  it('keeps a reconnected participant’s client id out of a viewer’s reach', async () => {
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const observer = await connectSynced(server, board.id, board.tokens.facilitator);
    const id = participant.doc.clientID;
    participant.provider.awareness.setLocalState(user('Pia', 'participant'));
    await waitFor(() => stateOf(observer, id)?.user?.name === 'Pia', 'observer sees Pia');

    participant.provider.disconnect();
    await waitFor(() => stateOf(observer, id) === undefined, 'Pia gone while disconnected');
    participant.provider.connect();
    await waitFor(() => participant.provider.synced, 'Pia back');

    const mallory = await rawClient(server, board.id, board.tokens.viewer);
    mallory.send(encodeAwarenessMessage([[id, 1_000, user('Mallory', 'participant')]]));
    // Mallory's own id arriving proves the server handled and flushed the attempt before it.
    mallory.send(encodeAwarenessMessage([[777_777, 1, user('Mallory herself', 'viewer')]]));
    await waitFor(() => stateOf(observer, 777_777)?.user?.name === 'Mallory herself', 'marker');
    expect(stateOf(observer, id)?.user?.name).not.toBe('Mallory');

    // Pia's own (newer) state takes her id back; the provider bumps its clock on every set.
    participant.provider.awareness.setLocalState(user('Pia', 'participant'));
    participant.provider.awareness.setLocalState(user('Pia', 'participant'));
    await waitFor(() => stateOf(observer, id)?.user?.name === 'Pia', 'Pia visible again');
    mallory.ws.close();
    participant.destroy();
    observer.destroy();
  });

  it('shows the role of the connection, not the one the client claims', async () => {
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const viewer = await connectSynced(server, board.id, board.tokens.viewer);
    const observer = await connectSynced(server, board.id, board.tokens.participant);
    participant.provider.awareness.setLocalState(user('Pretender', 'facilitator'));
    viewer.provider.awareness.setLocalState(user('Watcher', 'facilitator'));
    await waitFor(
      () =>
        stateOf(observer, participant.doc.clientID)?.user?.name === 'Pretender' &&
        stateOf(observer, viewer.doc.clientID)?.user?.name === 'Watcher',
      'both seen',
    );
    expect(stateOf(observer, participant.doc.clientID)?.user?.role).toBe('participant');
    expect(stateOf(observer, viewer.doc.clientID)?.user?.role).toBe('viewer');
    for (const c of [participant, viewer, observer]) c.destroy();
  });
});

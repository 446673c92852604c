/** Rooms load and migrate before the first sync message, unload when empty, and compact. */
import * as decoding from 'lib0/decoding';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/boards/tokens';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import type { Storage } from '../../server/storage/storage';
import { gatedStorage, serverFlushed } from '../support/gatedStorage';
import {
  connectSynced,
  createBoard,
  encodeStep1,
  rawClient,
  startTestServer,
  waitFor,
  type TestServer,
} from './helpers';

/** Rows of a room's update log in the server's SQLite file. */
function logRows(server: TestServer, room: string): number {
  const db = new Database(path.join(server.dataDir, 'olievlek.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Stores a board whose document was written by an old (v0) or future writer. */
async function storeBoard(storage: Storage, id: string, write: (doc: Y.Doc) => void): Promise<string> {
  const doc = new Y.Doc();
  write(doc);
  const token = 'legacy-facilitator-token';
  const hash = hashToken(token);
  await storage.createBoard(
    {
      id,
      title: 'Old',
      language: 'nl',
      createdAt: 0,
      tokenHashes: { facilitator: hash, participant: hashToken('p'), viewer: hashToken('v') },
    },
    Y.encodeStateAsUpdate(doc),
  );
  return token;
}

describe('room lifecycle', () => {
  it('unloads an empty room after the delay and compacts its log into one row', async () => {
    const server = await startTestServer({ roomUnloadMs: 300 });
    const board = await createBoard(server);
    const client = await connectSynced(server, board.id, board.tokens.participant);
    for (let i = 0; i < 20; i++) client.doc.getMap('items').set(`i${i}`, i);
    await client.roundTrip();
    expect(logRows(server, board.id)).toBeGreaterThan(1);
    const room = server.rooms.peek(board.id)!;
    client.destroy();
    // Not at once: once the server has seen the last person leave, the room is still there …
    await waitFor(() => room.members.size === 0, 'the server to see the client leave');
    expect(room.isClosing).toBe(false);
    // … and it goes within the waitFor deadline (5 s; the delay is 300 ms).
    await waitFor(() => server.rooms.size === 0, 'rooms unloaded');
    expect(logRows(server, board.id)).toBe(1);
    const again = await connectSynced(server, board.id, board.tokens.viewer);
    expect(again.doc.getMap('items').get('i19')).toBe(19);
    again.destroy();
    await server.stop();
  });

  it('keeps a room loaded when a client returns before the delay', async () => {
    const server = await startTestServer({ roomUnloadMs: 5_000 });
    const board = await createBoard(server);
    const first = await connectSynced(server, board.id, board.tokens.participant);
    const room = server.rooms.peek(board.id);
    first.destroy();
    const second = await connectSynced(server, board.id, board.tokens.participant);
    expect(server.rooms.peek(board.id)).toBe(room);
    second.destroy();
    await server.stop();
  });

  it('compacts while loaded once the log passes the threshold', async () => {
    const server = await startTestServer({ compactAfterUpdates: 10 });
    const board = await createBoard(server);
    const client = await connectSynced(server, board.id, board.tokens.participant);
    for (let i = 0; i < 25; i++) {
      client.doc.getMap('items').set(`i${i}`, i);
      await client.roundTrip();
    }
    expect(logRows(server, board.id)).toBeLessThanOrEqual(10);
    client.destroy();
    await server.stop();
  });

  it('migrates an old document and stores the result before the first sync message', async () => {
    const storage = createMemoryStorage();
    let releaseLoad!: () => void;
    const loadGate = new Promise<void>((resolve) => (releaseLoad = resolve));
    let loading = 0;
    const slow: Storage = {
      ...storage,
      load: async (room) => {
        loading += 1;
        await loadGate;
        return storage.load(room);
      },
    };
    const id = 'legacyBoard01';
    const token = await storeBoard(storage, id, (doc) => {
      const item = new Y.Map<unknown>();
      item.set('kind', 'note');
      item.set('text', 'plain string text');
      doc.getMap('items').set('n1', item);
    });
    const server = await startTestServer({}, slow);
    const client = await rawClient(server, id, token);
    client.send(encodeStep1(new Y.Doc()));
    await waitFor(() => loading > 0, 'the load to start');
    await serverFlushed(client.ws);
    expect(client.messages).toEqual([]);
    releaseLoad();
    await waitFor(() => client.messages.length >= 2, 'step 1 and the reply');
    // First the server's step 1, then the reply to ours: the migrated document.
    expect([...client.messages[0]!.slice(0, 2)]).toEqual([0, 0]);
    expect([...client.messages[1]!.slice(0, 2)]).toEqual([0, 1]);
    expect(storage.rows(id)).toBe(2);
    const fresh = await connectSynced(server, id, token);
    expect(fresh.doc.getMap('meta').get('schemaVersion')).toBe(1);
    const item = fresh.doc.getMap('items').get('n1') as Y.Map<unknown>;
    expect(item.get('text')).toBeInstanceOf(Y.Text);
    expect(String(item.get('text'))).toBe('plain string text');
    fresh.destroy();
    client.ws.close();
    await server.stop();
  });

  it('refuses a document newer than it understands, without changing it', async () => {
    const storage = createMemoryStorage();
    const token = await storeBoard(storage, 'futureBoard01', (doc) =>
      doc.getMap('meta').set('schemaVersion', 99),
    );
    const server = await startTestServer({}, storage);
    const client = await rawClient(server, 'futureBoard01', token);
    expect((await client.closed).code).toBe(4426);
    expect(client.messages).toEqual([]);
    expect(storage.rows('futureBoard01')).toBe(1);
    await server.stop();
  });

  it('stores and compacts every room on shutdown', async () => {
    const server = await startTestServer({ roomUnloadMs: 30_000 });
    const board = await createBoard(server);
    const client = await connectSynced(server, board.id, board.tokens.participant);
    for (let i = 0; i < 5; i++) client.doc.getMap('items').set(`i${i}`, i);
    await client.roundTrip();
    client.provider.shouldConnect = false;
    await server.close();
    expect(logRows(server, board.id)).toBe(1);
    client.destroy();
    const restarted = await startTestServer({ dataDir: server.dataDir });
    const fresh = await connectSynced(restarted, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('items').get('i4')).toBe(4);
    fresh.destroy();
    await restarted.stop();
  });

  it('relays an update, and answers sync requests with it, only once the store has it', async () => {
    const storage = gatedStorage(createMemoryStorage());
    const server = await startTestServer({}, storage);
    const board = await createBoard(server);
    const author = await connectSynced(server, board.id, board.tokens.participant);
    const reader = await connectSynced(server, board.id, board.tokens.viewer);
    const release = storage.hold();
    author.doc.getMap('items').set('a', 1);
    await waitFor(() => storage.waiting > 0, 'the update to reach the store');
    const late = await rawClient(server, board.id, board.tokens.viewer);
    late.send(encodeStep1(new Y.Doc()));
    // Once these pings are answered, the late client's request has been handled too (same
    // socket, in order), and whatever was relayed to the reader has arrived.
    await Promise.all([serverFlushed(late.ws), serverFlushed(reader.provider)]);
    expect(reader.doc.getMap('items').has('a')).toBe(false);
    expect(late.messages).toEqual([]);
    expect(storage.appended).toEqual([]);
    release();
    await waitFor(() => reader.doc.getMap('items').get('a') === 1, 'relayed after storing');
    expect(storage.appended).toEqual([board.id]);
    await waitFor(() => late.messages.length >= 2, 'late client answered');
    const lateDoc = new Y.Doc();
    Y.applyUpdate(lateDoc, stepTwoUpdate(late.messages[1]!));
    expect(lateDoc.getMap('items').get('a')).toBe(1);
    for (const c of [author, reader]) c.destroy();
    late.ws.close();
    await server.stop();
  });
});

/** The update inside a sync step 2 message. */
function stepTwoUpdate(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

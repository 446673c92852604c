/**
 * Relaying a batch (issue 13, capacity): writes that queued while the store was busy are
 * stored together and relayed as one merged frame to every client that wrote none of them,
 * while each author gets only the others' changes, never its own back. The store is held so
 * the batch forms without sleeping; raw clients count the frames they receive.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import { gatedStorage, serverFlushed } from '../support/gatedStorage';
import {
  createBoard,
  encodeUpdateMessage,
  rawClient,
  startTestServer,
  waitFor,
  type RawClient,
  type TestServer,
} from './helpers';

const store = gatedStorage(createMemoryStorage());
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, store);
});
afterAll(async () => {
  await server.stop();
});

/** The document updates a raw client received (sync update messages), decoded. */
function updatesOf(client: RawClient, from = 0): Uint8Array[] {
  return client.messages.slice(from).flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return [];
    return [decoding.readVarUint8Array(decoder)];
  });
}

/** One client's edits: each sets a key of `items` and is sent as its own update. */
function author(name: string) {
  const doc = new Y.Doc();
  return (key: string) => {
    let update: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (update = u));
    doc.getMap('items').set(key, name);
    return encodeUpdateMessage(update!);
  };
}

function keysIn(updates: readonly Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return [...doc.getMap('items').keys()].sort();
}

describe('relaying a batch of writes', () => {
  it('sends one merged frame to bystanders and only the others’ changes to authors', async () => {
    const board = await createBoard(server);
    const a = await rawClient(server, board.id, board.tokens.participant);
    const b = await rawClient(server, board.id, board.tokens.participant);
    const reader = await rawClient(server, board.id, board.tokens.viewer);
    for (const client of [a, b, reader]) await serverFlushed(client);
    const room = server.rooms.peek(board.id)!;
    const [fromA, fromB, fromReader] = [a, b, reader].map((client) => client.messages.length);
    const editA = author('a');
    const editB = author('b');

    const release = store.hold();
    a.send(editA('a1'));
    await waitFor(() => store.waiting === 1, 'the first write waits for the store');
    b.send(editB('b1'));
    a.send(editA('a2'));
    await waitFor(() => room.queued === 2, 'two more writes queued behind it');
    release();
    await waitFor(() => keysIn(updatesOf(reader, fromReader)).length === 3, 'the reader got every edit');
    for (const client of [a, b, reader]) await serverFlushed(client);

    // a1 alone, then b1 and a2 merged into one frame.
    expect(updatesOf(reader, fromReader)).toHaveLength(2);
    expect(keysIn(updatesOf(a, fromA))).toEqual(['b1']);
    expect(keysIn(updatesOf(b, fromB))).toEqual(['a1', 'a2']);
    for (const client of [a, b, reader]) client.ws.close();
  });
});

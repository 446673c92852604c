/**
 * Convergence through the real server: 3–5 WebsocketProvider clients issue random board
 * commands while they randomly disconnect and reconnect, and the server restarts once on the
 * same SQLite store. At the end every client, the server's room, the store as it is (no
 * shutdown flush) and a fresh server reading the store hold the same board. Timing is real, so a seed fixes the commands and the
 * disconnects but not every interleaving; a failure prints its seed and the last steps.
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/readBoard';
import {
  connect,
  createBoard,
  startTestServer,
  waitFor,
  type TestClient,
  type TestServer,
} from '../server/helpers';
import { forEachSeedAsync } from '../support/seeds';
import { covers, fetchServerState } from '../support/serverState';
import { storedState } from '../support/storedLog';
import { runRandomCommand, type Peer } from './randomCommands';

const SUITE = 'test/fuzz/serverConvergence.test.ts';

/** Lets the sockets and the server make progress between two steps. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One seeded scenario; throws with the last steps when anything disagrees at the end. */
async function runScenario(seed: number): Promise<void> {
  const gen = prng.create(seed);
  let server: TestServer = await startTestServer();
  const { dataDir, port } = server;
  const board = await createBoard(server, `Fuzz ${seed}`);
  const clients: (TestClient & Peer)[] = Array.from({ length: prng.int32(gen, 3, 5) }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = seed * 10 + i + 1;
    // One facilitator, the rest participants: both roles write the content document.
    const token = i === 0 ? board.tokens.facilitator : board.tokens.participant;
    return Object.assign(connect(server, board.id, token, doc), {
      name: `c${i}`,
      origin: { client: i },
      counter: 0,
    });
  });
  const log: string[] = [];
  try {
    await waitFor(() => clients.every((c) => c.provider.synced), 'every client synced', 15_000);
    const steps = prng.int32(gen, 80, 160);
    const restartAt = prng.int32(gen, steps / 4, (3 * steps) / 4);
    for (let step = 0; step < steps; step++) {
      if (step === restartAt) {
        log.push('server restart');
        await server.close();
        server = await startTestServer({ dataDir, port });
        // Reconnect now rather than after y-websocket's backoff.
        for (const c of clients)
          if (c.provider.shouldConnect && !c.provider.wsconnected) c.provider.connect();
      }
      const client = prng.oneOf(gen, clients);
      const roll = prng.int32(gen, 0, 9);
      if (roll === 0 && client.provider.shouldConnect) {
        client.provider.disconnect();
        log.push(`${client.name}: disconnect`);
      } else if (roll <= 2 && !client.provider.shouldConnect) {
        client.provider.connect();
        log.push(`${client.name}: connect`);
      } else {
        log.push(`${client.name}: ${runRandomCommand(gen, client)}`);
      }
      if (prng.int32(gen, 0, 3) === 0) await yieldToIo();
    }

    // Everyone back online: the sync protocol must bring every replica and the store together.
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    const room = await waitFor(() => server.rooms.peek(board.id), 'the room loaded');
    const roomState = () => room.read((doc) => Y.encodeStateAsUpdate(doc));
    await waitFor(
      async () => {
        const state = await roomState();
        return clients.every((c) => c.provider.synced && covers(state, c.doc) && coveredBy(c.doc, state));
      },
      'every client and the server to hold the same state',
      20_000,
    );
    const expected = JSON.stringify(readBoard(clients[0]!.doc));
    for (const c of clients) expect(JSON.stringify(readBoard(c.doc)), `${c.name} vs c0`).toBe(expected);
    expect(JSON.stringify(readBoard(docOf(await roomState()))), "the server's room").toBe(expected);
    // What the store holds before any shutdown flush: what a crash would leave.
    const stored = storedState(dataDir, board.id);
    expect(JSON.stringify(readBoard(docOf(stored))), 'the store, read while the server runs').toBe(expected);

    for (const c of clients) c.provider.disconnect();
    await server.close();
    server = await startTestServer({ dataDir, port });
    const reloaded = await fetchServerState(server.ws, board.id, board.tokens.viewer);
    expect(JSON.stringify(readBoard(docOf(reloaded))), 'the store, reloaded').toBe(expected);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nlast steps:\n  ${log.slice(-15).join('\n  ')}`, { cause: error });
  } finally {
    clients.forEach((c) => c.destroy());
    await server.stop();
  }
}

/** A document holding `state`. */
function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Whether `doc` already holds everything in `state`. */
function coveredBy(doc: Y.Doc, state: Uint8Array): boolean {
  return covers(Y.encodeStateAsUpdate(doc), docOf(state));
}

describe('convergence through the real server', () => {
  it('clients, the server and the reloaded store end identical', { timeout: 120_000 }, async () => {
    const ran = await forEachSeedAsync(SUITE, 8, runScenario);
    expect(ran).toBeGreaterThan(0);
  });
});

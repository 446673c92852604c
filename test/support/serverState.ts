/**
 * What the server holds, asked over a connection of its own: the way a test (or the soak) knows
 * that its edits were acknowledged, without sleeping and without trusting the writer's socket.
 * The server answers a sync step 1 only with state it has stored, so what comes back is durable.
 *
 *   await waitUntilServerHas(server.ws, board.id, token, doc);
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** How long one question to the server may take. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The whole state the server holds for `room` (a Yjs update), over a fresh connection. */
export function fetchServerState(wsBase: string, room: string, token: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsBase}/${room}?token=${encodeURIComponent(token)}`);
    const timer = setTimeout(
      () => finish(new Error(`no state from ${room} within ${ANSWER_TIMEOUT_MS} ms`)),
      ANSWER_TIMEOUT_MS,
    );
    function finish(result: Uint8Array | Error) {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    }
    ws.on('error', (error) => finish(error));
    ws.on('close', (code) => finish(new Error(`connection to ${room} closed with ${code}`)));
    ws.on('open', () => {
      // An empty state vector asks for everything.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, new Y.Doc());
      ws.send(encoding.toUint8Array(encoder));
    });
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
      finish(decoding.readVarUint8Array(decoder));
    });
  });
}

/** Whether `serverState` already contains everything `doc` holds (insertions and deletions). */
export function covers(serverState: Uint8Array, doc: Y.Doc): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, serverState);
  const before = Y.snapshot(copy);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const same = Y.equalSnapshots(before, Y.snapshot(copy));
  copy.destroy();
  return same;
}

/** Resolves once the server holds everything in `doc`; fails after `timeoutMs`. */
export async function waitUntilServerHas(
  wsBase: string,
  room: string,
  token: string,
  doc: Y.Doc,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (covers(await fetchServerState(wsBase, room, token), doc)) return;
    if (Date.now() > deadline)
      throw new Error(`the server did not acknowledge ${room} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Writes the Rivierenland example into a live board through a real WebsocketProvider, the way
 * any client would: for screenshots, demos and end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadBoardJson } from '../../shared/boardJson';
import { waitUntilServerHas } from './serverState';

/** The example board in JSON form. */
export function exampleBoard(): unknown {
  return JSON.parse(readFileSync(new URL('../fixtures/rivierenland.json', import.meta.url), 'utf8'));
}

/**
 * Syncs `json` into the board `boardId` on the server at `base` (http://host:port) and resolves
 * once stored. Pass the facilitator's token for a board with votes: only the facilitator (and the
 * server, on reveal) writes the `votes` map; participants vote over HTTP.
 */
export async function loadBoardInto(
  base: string,
  boardId: string,
  token: string,
  json: unknown = exampleBoard(),
): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  loadBoardJson(doc, json);
  await waitUntilServerHas(`${base.replace(/^http/, 'ws')}/sync`, boardId, token, doc);
  provider.destroy();
  doc.destroy();
}

/**
 * Helpers for server tests: a real server on port 0 (SQLite in a temp DATA_DIR unless a store
 * is given), boards created over HTTP, real `WebsocketProvider` clients, and polling waits.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readConfig, type ServerConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/start';
import type { Storage } from '../../server/storage/storage';

// Refusals are expected in these tests; their warnings would bury real failures.
process.env.LOG_LEVEL ??= 'error';

/** A started test server and what tests need to reach it. */
export interface TestServer extends RunningServer {
  readonly http: string;
  readonly ws: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 with fast timings; `config` overrides any setting. */
export async function startTestServer(
  config: Partial<ServerConfig> = {},
  storage?: Storage,
): Promise<TestServer> {
  const dataDir = config.dataDir ?? mkdtempSync(path.join(tmpdir(), 'olievlek-test-'));
  const base = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ROOM_UNLOAD_MS: '200' });
  const running = await startServer({ ...base, ...config }, storage ? { storage } : {});
  return {
    ...running,
    dataDir,
    http: `http://127.0.0.1:${running.port}`,
    ws: `ws://127.0.0.1:${running.port}/sync`,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A board created through the API. */
export interface TestBoard {
  readonly id: string;
  readonly title: string;
  readonly tokens: { facilitator: string; participant: string; viewer: string };
  readonly urls: { facilitator: string; participant: string; viewer: string };
}

/** Creates a board with POST /api/boards. */
export async function createBoard(
  server: { http: string },
  title = 'Rivierenland',
  language = 'nl',
): Promise<TestBoard> {
  const res = await fetch(`${server.http}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, language }),
  });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestBoard;
}

/** A connected y-websocket client. */
export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes the provider reported as permanent (`closed` events). */
  readonly closedWith: number[];
  /** Reasons of auth "permission denied" messages received. */
  readonly denied: string[];
  /** Resolves once the server has handled everything this client sent so far. */
  roundTrip(): Promise<void>;
  destroy(): void;
}

/** Connects a standard WebsocketProvider to `room` with `token`. */
export function connect(
  server: { ws: string },
  room: string,
  token: string | null,
  doc = new Y.Doc(),
): TestClient {
  const provider = new WebsocketProvider(server.ws, room, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const closedWith: number[] = [];
  const denied: string[] = [];
  let step2s = 0;
  const sync = provider.messageHandlers[0]!;
  provider.messageHandlers[0] = (encoder, decoder, ...rest) => {
    // Counts sync step 2 replies so `roundTrip` can wait for one.
    if ((decoder as unknown as { arr: Uint8Array; pos: number }).arr[decoder.pos] === 1) step2s += 1;
    sync(encoder, decoder, ...rest);
  };
  provider.on('closed', (event: { code: number }) => closedWith.push(event.code));
  // Recorded instead of y-websocket's console.warn.
  provider.messageHandlers[2] = (_encoder, decoder) => denied.push(readAuth(decoder));
  return {
    doc,
    provider,
    closedWith,
    denied,
    async roundTrip() {
      // The server answers a sync step 1 in order after everything this client sent before it.
      const before = step2s;
      const ws = provider.ws;
      if (!ws) throw new Error('not connected');
      ws.send(encodeStep1(doc));
      await waitFor(() => step2s > before, 'sync step 2 reply');
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Connects and waits for the first full sync. */
export async function connectSynced(
  server: { ws: string },
  room: string,
  token: string,
): Promise<TestClient> {
  const client = connect(server, room, token);
  await waitFor(() => client.provider.synced, `client of ${room} synced`);
  return client;
}

/** Polls `check` until it returns true (or a value), failing after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 5_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An auth message: varUint type (0 = permission denied), then the reason. */
function readAuth(decoder: decoding.Decoder): string {
  const type = decoding.readVarUint(decoder);
  return type === 0 ? decoding.readVarString(decoder) : `auth message ${type}`;
}

/** A sync step 1 message for `doc`. */
export function encodeStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** A bare websocket speaking the protocol by hand, recording what it receives. */
export interface RawClient {
  readonly ws: WebSocket;
  readonly messages: Uint8Array[];
  /** The close code and reason, once closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | number[] | string): void;
}

/** Opens a raw websocket to `room`; resolves when open (or already closed by the server). */
export async function rawClient(
  server: { ws: string },
  room: string,
  token: string | null,
): Promise<RawClient> {
  const ws = new WebSocket(`${server.ws}/${room}${token === null ? '' : `?token=${token}`}`);
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    closed,
    send: (bytes) => ws.send(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)),
  };
}

/** An awareness message setting `states` (client id → [clock, state]). */
export function encodeAwarenessMessage(
  states: [clientId: number, clock: number, state: unknown][],
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.length);
  for (const [id, clock, state] of states) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** A sync update message carrying `update`. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * The soak's clients: standard WebsocketProvider + Y.Doc pairs, as a browser would run them.
 * A writer's document outlives every server restart, so whatever the server had not stored
 * when it died goes back to it through the sync protocol on reconnect.
 */
import * as prng from 'lib0/prng';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CommandError, createItem, moveItems, setText } from '../../shared/commands';
import type { Ledger } from './ledger';

/** A connected client of one room. */
export interface SoakClient {
  readonly name: string;
  readonly room: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

/** Connects `name` to `room` and tells the ledger about every item it sees. */
export function connectClient(
  wsBase: string,
  room: string,
  token: string,
  name: string,
  ledger: Ledger,
): SoakClient {
  const doc = new Y.Doc();
  doc.getMap<Y.Map<unknown>>('items').observe((event) => {
    for (const [id, change] of event.changes.keys) if (change.action === 'add') ledger.seen(id, name);
  });
  const provider = new WebsocketProvider(wsBase, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // A killed server makes the socket fail; the provider reconnects, the error is expected.
  provider.on('connection-error', () => {});
  provider.awareness.setLocalStateField('user', { name, color: '#3a7' });
  return {
    name,
    room,
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** One writer's next action: mostly a new item (the counted edit), sometimes typing or a move. */
export function writerStep(gen: prng.PRNG, client: SoakClient, counter: { n: number }, ledger: Ledger): void {
  const own = `${client.name}-`;
  const roll = prng.int32(gen, 0, 9);
  try {
    if (roll < 7 || counter.n === 0) {
      const id = `${client.name}-${counter.n++}`;
      ledger.sent(id, client.room, client.name, !client.provider.wsconnected);
      createItem(
        client.doc,
        {
          kind: prng.oneOf(gen, ['note', 'smallWin', 'ambition', 'actor'] as const),
          id,
          x: prng.int32(gen, -3000, 3000),
          y: prng.int32(gen, -3000, 3000),
          text: prng.word(gen, 3, 20),
          createdBy: client.name,
          createdAt: Date.now(),
        },
        client.name,
      );
    } else {
      const id = `${own}${prng.int32(gen, 0, counter.n - 1)}`;
      if (roll < 9) setText(client.doc, id, prng.word(gen, 3, 40), client.name);
      else moveItems(client.doc, [id], { dx: prng.int32(gen, -50, 50), dy: 0 }, client.name);
    }
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
  }
}

/** Moves the client's cursor somewhere: the awareness traffic of a busy board. */
export function cursorStep(gen: prng.PRNG, client: SoakClient): void {
  client.provider.awareness.setLocalStateField('cursor', {
    x: prng.int32(gen, -3000, 3000),
    y: prng.int32(gen, -3000, 3000),
  });
}

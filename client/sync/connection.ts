/**
 * Joining a board: ask the server who we are on it, then sync its content document over the
 * standard y-websocket provider. The server decides what each role may do; the client only
 * mirrors that in its affordances.
 */
import { readAuthMessage } from 'y-protocols/auth';
import { IndexeddbPersistence } from 'y-indexeddb';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readLocal, writeLocal } from './localStore';

export type { BoardInfo, OpenError, Role } from './boardInfo';
export { fetchBoardInfo } from './boardInfo';

/** Connection state shown in the header. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

/** A live connection to one board: its content document, its control document and presence. */
export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly controlDoc: Y.Doc;
  destroy(): void;
}

/** What a connection reports. */
export interface ConnectionHandlers {
  onStatus(status: ConnectionStatus): void;
  /** The document is ready to show: synced with the server, or loaded from this device. */
  onReady(): void;
  /**
   * The server closed for good: a refused token (4401), no board (4404), a board it cannot load
   * (4426 too new, 4422 does not migrate; 45xx from older servers).
   */
  onClosedForGood(code: number, reason: string): void;
  /**
   * The server undid one of our writes, saying why: we may not write (a viewer, a locked board),
   * or this one edit broke a rule (too long, the board is full). The server says each once.
   */
  onPermissionDenied(reason: string): void;
}

/** The websocket base URL of this server (ws:// or wss:// to the page's own host). */
export function syncUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * Whether a close from the server is worth a reconnect. 4400–4499 mirror HTTP 4xx (the token
 * or the request is wrong, or the server cannot load this board: 4426 too new, 4422 does not
 * migrate); 4500–4599 said the latter on older servers. Retrying any of them only loops: the
 * person needs to be told why instead. 4000 (resync) and 1xxx codes are worth a reconnect.
 */
export function shouldReconnect(event: { code: number }): boolean {
  return !(event.code >= 4400 && event.code < 4600);
}

/** How often we renew our presence, and how long a silent connection may last before it counts as lost. */
const HEARTBEAT_MS = 2000;
const HEARTBEAT_DEAD_MS = 4500;

/** Connects to a board, keeping a copy in IndexedDB so edits survive a reload without network. */
export function connectBoard(boardId: string, token: string, handlers: ConnectionHandlers): BoardConnection {
  const doc = new Y.Doc();
  const controlDoc = new Y.Doc();
  const online = () => navigator.onLine !== false;
  // BroadcastChannel would let a read-only tab's edits reach a writable tab of the same board
  // and leave under its role; the server is the only way between clients.
  const options = { params: { token }, disableBc: true, connect: online(), shouldReconnect };
  const provider = new WebsocketProvider(syncUrl(), boardId, doc, options);
  const controlProvider = new WebsocketProvider(syncUrl(), `${boardId}/control`, controlDoc, options);
  const local = new IndexeddbPersistence(`olievlek:${boardId}`, doc);
  let ready = false;
  const markReady = () => {
    if (!ready) {
      ready = true;
      handlers.onReady();
    }
  };
  let closedForGood = false;
  for (const p of [provider, controlProvider]) {
    // y-websocket only logs "permission denied"; the app needs to know, once.
    p.messageHandlers[messageAuth] = (_encoder, decoder) => {
      readAuthMessage(decoder, doc, (_doc, reason) => handlers.onPermissionDenied(reason));
    };
    // y-websocket stops reconnecting when shouldReconnect says so, and says so with `closed`.
    p.on('closed', ({ code, reason }: { code: number; reason: string }) => {
      // Both documents belong to one board: when either is refused for good, so is the board.
      closedForGood = true;
      provider.disconnect();
      controlProvider.disconnect();
      handlers.onClosedForGood(code, reason);
    });
  }
  const report = () => {
    if (!online()) return handlers.onStatus('offline');
    handlers.onStatus(provider.wsconnected ? 'connected' : provider.wsconnecting ? 'connecting' : 'offline');
  };
  provider.on('status', report);
  provider.on('sync', (synced: boolean) => {
    if (synced) markReady();
  });
  void local.whenSynced.then(() => {
    // A board this device has seen opens from its own copy at once (and offline at all).
    if (doc.getMap('items').size > 0 || doc.getMap('meta').size > 0 || !online()) markReady();
  });
  // The browser knows about a lost network long before a websocket times out.
  const goOffline = () => {
    provider.disconnect();
    controlProvider.disconnect();
    report();
  };
  const goOnline = () => {
    if (closedForGood) return;
    provider.connect();
    controlProvider.connect();
    report();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  // A network that vanishes without the browser noticing (a venue access point dropping us)
  // would otherwise look connected for 30 s. Renewing our presence makes the server answer
  // every couple of seconds; silence for HEARTBEAT_DEAD_MS means the link is gone.
  const heartbeat = setInterval(() => {
    if (!provider.wsconnected) return;
    if (Date.now() - provider.wsLastMessageReceived > HEARTBEAT_DEAD_MS) {
      provider.ws?.close();
      report();
      return;
    }
    const state = provider.awareness.getLocalState();
    if (state) provider.awareness.setLocalState(state);
  }, HEARTBEAT_MS);
  report();
  return {
    doc,
    provider,
    controlDoc,
    destroy() {
      clearInterval(heartbeat);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider.destroy();
      controlProvider.destroy();
      void local.destroy();
      doc.destroy();
      controlDoc.destroy();
    },
  };
}

/** A stable id for this device, so undo, votes and authorship survive a reload. */
export function deviceUserId(storage?: Storage): string {
  const key = 'olievlek.userId';
  let id = readLocal(key, storage);
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    id = crypto.randomUUID().replace(/-/g, '');
    // Unstored, the id lasts for this page only: undo and votes still work until a reload.
    writeLocal(key, id, storage);
  }
  return id;
}

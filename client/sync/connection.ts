/**
 * Joining a board: ask the server who we are on it, then sync its content document over the
 * standard y-websocket provider. The server decides what each role may do; the client only
 * mirrors that in its affordances.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The roles a board link can carry. */
export type Role = 'facilitator' | 'participant' | 'viewer';

/** What GET /api/boards/:id tells a token holder. */
export interface BoardInfo {
  id: string;
  title: string;
  role: Role;
}

/** Why a board could not be opened. */
export type OpenError = 'invalid' | 'notFound' | 'failed';

/** Fetches the board's title and this token's role. */
export async function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo | OpenError> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 401 || response.status === 403) return 'invalid';
    if (response.status === 404) return 'notFound';
    if (!response.ok) return 'failed';
    const info = (await response.json()) as BoardInfo;
    return typeof info.role === 'string' && typeof info.title === 'string' ? info : 'failed';
  } catch {
    return 'failed';
  }
}

/** Connection state shown in the header. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

/** A live connection to one board's content document. */
export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

/** The websocket base URL of this server (ws:// or wss:// to the page's own host). */
export function syncUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** Connects to a board; `onClosedForGood` fires when the server refuses the token (4401/4404). */
export function connectBoard(
  boardId: string,
  token: string,
  handlers: {
    onStatus(status: ConnectionStatus): void;
    onSynced(): void;
    onClosedForGood(code: number): void;
  },
): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(), boardId, doc, { params: { token } });
  provider.on('status', ({ status }: { status: string }) => {
    handlers.onStatus(
      status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline',
    );
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) handlers.onSynced();
  });
  // y-websocket stops reconnecting on 4400–4499 and says so with `closed`.
  provider.on('closed', ({ code }: { code: number }) => handlers.onClosedForGood(code));
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A stable id for this device, so undo, votes and authorship survive a reload. */
export function deviceUserId(storage: Storage = window.localStorage): string {
  const key = 'olievlek.userId';
  let id = storage.getItem(key);
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    id = crypto.randomUUID().replace(/-/g, '');
    storage.setItem(key, id);
  }
  return id;
}

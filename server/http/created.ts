/** What the board routes share: their dependencies and the answer that hands out a new board's links. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CreatedBoard } from '../boards/boardService';
import type { SnapshotService } from '../boards/snapshots';
import type { VoteService } from '../boards/votes';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import { log } from '../log';
import type { ExportService } from '../export/exportService';
import type { ImportGate } from './importGate';
import { sendJson } from './json';

/** What the API needs from the rest of the server. */
export interface BoardsApiDeps {
  readonly storage: Storage;
  /** The public base URL for links; without it, links are built only for a loopback Host. */
  readonly publicUrl: string | undefined;
  /** The live title of a loaded board, fresher than the stored one. */
  readonly liveTitle: (boardId: string) => string | undefined;
  readonly rooms: RoomManager;
  readonly snapshots: SnapshotService;
  readonly votes: VoteService;
  /** Exports, rendered off the event loop and cached per document state. */
  readonly exports: ExportService;
  /** Admission and limits of imports. */
  readonly imports: ImportGate;
}

/** The 201 answer of a new board: its id, title, tokens and the three links. */
export function sendCreated(
  req: IncomingMessage,
  res: ServerResponse,
  deps: BoardsApiDeps,
  board: CreatedBoard,
  extra: Record<string, unknown> = {},
): void {
  const base = publicBase(req, deps.publicUrl);
  const link = (token: string) => `${base}/b/${board.id}#${token}`;
  const links = base
    ? {
        urls: {
          facilitator: link(board.tokens.facilitator),
          participant: link(board.tokens.participant),
          viewer: link(board.tokens.viewer),
        },
      }
    : { urlsRefused: { code: 'public_url_unset', message: URLS_REFUSED } };
  if (!base && !warnedOnce) {
    // Once per process: every board created behind a proxy would otherwise repeat it.
    warnedOnce = true;
    log('warn', 'http.links_refused', { reason: 'PUBLIC_URL unset and Host not localhost' });
  }
  sendJson(
    res,
    201,
    { id: board.id, title: board.title, tokens: board.tokens, ...links, ...extra },
    { Location: `/api/boards/${board.id}` },
  );
}

/** The link that opens a board with a token, or null when no trusted base is known (see publicBase). */
export function boardLink(
  req: IncomingMessage,
  deps: BoardsApiDeps,
  boardId: string,
  token: string,
): string | null {
  const base = publicBase(req, deps.publicUrl);
  return base ? `${base}/b/${boardId}#${token}` : null;
}

let warnedOnce = false;

const URLS_REFUSED =
  'links are built only from PUBLIC_URL (or for localhost); set PUBLIC_URL to the address people use, ' +
  'or open /b/<id>#<token> on that address yourself';

/**
 * The base of the links handed out: PUBLIC_URL, or, without it, the request's Host only when
 * that names this very server on a loopback address. Any other Host is a claim of whoever
 * sent the request, and a link built from it could send people (and their token) elsewhere.
 */
export function publicBase(req: IncomingMessage, publicUrl: string | undefined): string | null {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const match = LOOPBACK_HOST.exec(req.headers.host ?? '');
  if (!match) return null;
  const port = Number(match[2] ?? 80);
  return port === req.socket.localPort ? `http://${match[1]!.toLowerCase()}:${port}` : null;
}

/** localhost, 127.0.0.1 or [::1], with an optional port; nothing else. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

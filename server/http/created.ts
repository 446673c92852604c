/** What the board routes share: their dependencies and the answer that hands out a new board's links. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CreatedBoard } from '../boards/boardService';
import type { SnapshotService } from '../boards/snapshots';
import type { ExportService } from '../export/exportService';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import type { ImportGate } from './importGate';
import { sendJson } from './json';

/** What the API needs from the rest of the server. */
export interface BoardsApiDeps {
  readonly storage: Storage;
  /** The public base URL for links; falls back to the request's Host. */
  readonly publicUrl: string | undefined;
  /** The live title of a loaded board, fresher than the stored one. */
  readonly liveTitle: (boardId: string) => string | undefined;
  readonly rooms: RoomManager;
  readonly snapshots: SnapshotService;
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
  sendJson(
    res,
    201,
    {
      id: board.id,
      title: board.title,
      tokens: board.tokens,
      urls: {
        facilitator: link(board.tokens.facilitator),
        participant: link(board.tokens.participant),
        viewer: link(board.tokens.viewer),
      },
      ...extra,
    },
    { Location: `/api/boards/${board.id}` },
  );
}

function publicBase(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `http://${req.headers.host ?? 'localhost'}`;
}

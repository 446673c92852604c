/**
 * Boards as files: `GET /api/boards/:id/export?format=json|md|svg|png|pdf[&snapshot=sid]` (any
 * role's token) answers the file with its content type and a safe download name;
 * `POST /api/boards/import` takes a JSON export and creates a new board from it (201, the same
 * answer as creating one, plus the entries it had to leave out).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { BoardJsonError, loadBoardJson } from '../../shared/boardJson';
import { getMeta, type Language } from '../../shared/ydoc';
import { fallbackHeaders, readableBoard } from '../boards/boardState';
import { createBoard } from '../boards/boardService';
import { contentDisposition, EXPORT_FORMATS, exportBoard, isExportFormat } from '../export/exportBoard';
import { log } from '../log';
import { authorize } from './access';
import { sendCreated, type BoardsApiDeps } from './created';
import { HttpError, readJson } from './json';

/** Largest import: a 50,000-item board in JSON form stays below this. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** The export of a board, or of one of its snapshots. */
export async function exportRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  boardId: string,
  deps: BoardsApiDeps,
): Promise<void> {
  await authorize(deps.storage, req, url, boardId);
  const format = url.searchParams.get('format') ?? 'json';
  if (!isExportFormat(format))
    throw new HttpError(400, 'invalid_format', `format must be one of ${EXPORT_FORMATS.join(', ')}`, {
      formats: EXPORT_FORMATS,
    });
  const snapshotId = url.searchParams.get('snapshot');
  let board;
  let suffix: string | undefined;
  if (snapshotId) {
    const snapshot = await deps.snapshots.read(boardId, snapshotId);
    if (!snapshot) throw new HttpError(404, 'unknown_snapshot', 'this board has no such snapshot');
    board = snapshot.board;
    suffix = snapshot.info.label;
  } else {
    const readable = await readableBoard(deps.storage, deps.rooms, boardId);
    ({ board } = readable);
    for (const [name, value] of Object.entries(fallbackHeaders(readable))) res.setHeader(name, value);
  }
  const started = performance.now();
  const file = await exportBoard(board, format, { suffix });
  log('info', 'board.exported', {
    board: boardId,
    format,
    snapshot: snapshotId ?? undefined,
    items: board.items.length,
    ms: Math.round(performance.now() - started),
  });
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // An SVG opened straight from the API must not run anything, whatever a board holds.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
  res.end(file.body);
}

/** Creates a new board from a JSON export. */
export async function importRoute(
  req: IncomingMessage,
  res: ServerResponse,
  deps: BoardsApiDeps,
): Promise<void> {
  const value = await readJson(req, MAX_IMPORT_BYTES);
  const doc = new Y.Doc();
  try {
    let problems;
    try {
      ({ problems } = loadBoardJson(doc, value));
    } catch (error) {
      if (!(error instanceof BoardJsonError)) throw error;
      throw new HttpError(
        400,
        'invalid_board',
        `${error.message}: expected a JSON export of an Olievlek board`,
      );
    }
    const meta = getMeta(doc);
    const language = meta.get('language') as Language;
    let title = String(meta.get('title') ?? '').trim();
    if (!title) {
      title = language === 'en' ? 'Imported board' : 'Geïmporteerd bord';
      meta.set('title', title);
    }
    const board = await createBoard(deps.storage, { title, language }, doc);
    log('info', 'board.imported', { board: board.id, problems: problems.length });
    sendCreated(req, res, deps, board, { problems: problems.slice(0, 100), problemCount: problems.length });
  } finally {
    doc.destroy();
  }
}

/**
 * Boards as files: `GET /api/boards/:id/export?format=json|md|svg|png|pdf[&snapshot=sid]` (any
 * role's token) answers the file with its content type and a safe download name, rendered off
 * the event loop by the export service; `POST /api/boards/import` takes a JSON export and
 * creates a new board from it (201, the same answer as creating one, plus the entries it had
 * to leave out), within the import limits of the ImportGate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { BoardJsonError, loadBoardJson } from '../../shared/boardJson';
import { getMeta, type Language } from '../../shared/ydoc';
import { createBoard } from '../boards/boardService';
import { contentDisposition, EXPORT_FORMATS, isExportFormat } from '../export/exportBoard';
import { ExportRefusal } from '../export/exportService';
import { log } from '../log';
import { authorize } from './access';
import { sendCreated, type BoardsApiDeps } from './created';
import type { ImportSettings } from './importGate';
import { HttpError, readJson } from './json';

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
  let file;
  try {
    file = await deps.exports.export(boardId, format, url.searchParams.get('snapshot'));
  } catch (error) {
    if (!(error instanceof ExportRefusal)) throw error;
    const retry = error.retryAfterSeconds;
    throw new HttpError(error.status, error.code, error.message, retry ? { retryAfter: retry } : undefined);
  }
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
  const gate = deps.imports;
  let release: () => void;
  try {
    release = gate.admit(req.socket.remoteAddress);
  } catch (error) {
    // The body stays unread: the connection closes with the answer.
    res.setHeader('Connection', 'close');
    throw error;
  }
  try {
    await importBoard(req, res, deps, gate.settings);
  } catch (error) {
    if (error instanceof HttpError) gate.refused(error.code);
    throw error;
  } finally {
    release();
  }
}

async function importBoard(
  req: IncomingMessage,
  res: ServerResponse,
  deps: BoardsApiDeps,
  limits: ImportSettings,
): Promise<void> {
  const value = await readJson(req, limits.maxImportBytes, { timeoutMs: limits.importBodyTimeoutMs });
  checkCounts(value, limits);
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

/** Refuses a board with more items, links or votes than an import may hold (413). */
function checkCounts(value: unknown, limits: ImportSettings): void {
  if (!value || typeof value !== 'object') return;
  const { items, links, votes } = value as { items?: unknown; links?: unknown; votes?: unknown };
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const votesCount = votes && typeof votes === 'object' ? Object.keys(votes).length : 0;
  const over = (what: string, n: number, max: number, setting: string) =>
    new HttpError(
      413,
      `too_many_${what}`,
      `the board holds ${n} ${what}; an import may hold at most ${max} (${setting})`,
      { [what]: n, max },
    );
  if (count(items) > limits.maxImportItems)
    throw over('items', count(items), limits.maxImportItems, 'MAX_IMPORT_ITEMS');
  if (count(links) > limits.maxImportLinks)
    throw over('links', count(links), limits.maxImportLinks, 'MAX_IMPORT_LINKS');
  if (votesCount > limits.maxImportLinks)
    throw over('votes', votesCount, limits.maxImportLinks, 'MAX_IMPORT_LINKS');
}

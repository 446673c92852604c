/**
 * Boards as files: `GET /api/boards/:id/export?format=json|md|svg|png|pdf[&snapshot=sid]
 * [&language=nl|en]` (any
 * role's token) answers the file with its content type and a safe download name, rendered off
 * the event loop by the export service; `POST /api/boards/import` takes a JSON export and
 * creates a new board from it (201, the same answer as creating one, plus the entries it had
 * to leave out), within the import limits of the ImportGate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_HEADER, SNAPSHOT_HEADER } from '../boards/boardState';
import { LANGUAGES } from '../../shared/ydoc';
import { createBoard } from '../boards/boardService';
import { contentDisposition, EXPORT_FORMATS, isExportFormat } from '../export/formats';
import { ExportRefusal } from '../export/exportService';
import { clientAddress } from './clientAddress';
import { log } from '../log';
import { authorize } from './access';
import { sendCreated, type BoardsApiDeps } from './created';
import type { ImportSettings } from './importGate';
import { HttpError, readJsonBody } from './json';

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
  // The report's language is the exporter's choice; the board's own when not given.
  const asked = url.searchParams.get('language');
  const language = LANGUAGES.find((l) => l === asked);
  if (asked !== null && !language)
    throw new HttpError(400, 'invalid_language', `language must be one of ${LANGUAGES.join(', ')}`);
  let file;
  try {
    file = await deps.exports.export(boardId, format, url.searchParams.get('snapshot'), language);
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
    ...(file.fallback
      ? { [SNAPSHOT_HEADER]: file.fallback.snapshotId, [PROBLEM_HEADER]: file.fallback.problem }
      : {}),
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
    release = gate.admit(clientAddress(req, gate.settings.trustProxy ?? 0));
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
  const body = await readJsonBody(req, limits.maxImportBytes, { timeoutMs: limits.importBodyTimeoutMs });
  // Parsing and loading run in an export worker: a 10,000-item file costs a second of CPU.
  let loaded;
  try {
    loaded = await deps.exports.loadImport({
      body,
      maxItems: limits.maxImportItems,
      maxLinks: limits.maxImportLinks,
    });
  } catch (error) {
    if (!(error instanceof ExportRefusal)) throw error;
    throw new HttpError(error.status, error.code, error.message);
  }
  if (!loaded.ok) throw new HttpError(loaded.status, loaded.code, loaded.message, loaded.details);
  const { title, language, state, problems, problemCount } = loaded;
  const board = await createBoard(deps.storage, { title, language }, state);
  log('info', 'board.imported', { board: board.id, problems: problemCount });
  sendCreated(req, res, deps, board, { problems, problemCount });
}

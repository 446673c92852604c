/**
 * The boards API (DESIGN.md contract 2): `POST /api/boards` creates a board and its three role
 * tokens; `GET /api/boards/:id` tells a token holder the board's title and their role; export,
 * import (boardFilesApi.ts) and snapshots (snapshotsApi.ts) hang below. Bodies are size-capped
 * and validated with zod; every failure is a 4xx JSON answer, never a crash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import * as Y from 'yjs';
import { applyTemplate } from '../../shared/control/applyTemplate';
import { TEMPLATES } from '../../shared/control/fields';
import { controlRoomName } from '../../shared/control/roomName';
import { CURRENT_SCHEMA_VERSION } from '../../shared/migrations';
import { initBoardDoc } from '../../shared/ydoc';
import { createBoard, derivedTokens } from '../boards/boardService';
import { log } from '../log';
import { LANGUAGES, MAX_TITLE_LENGTH } from '../../shared/ydoc';
import { authorize, methodNotAllowed, tokenOf } from './access';
import { exportRoute, importRoute } from './boardFilesApi';
import { boardLink, sendCreated, type BoardsApiDeps } from './created';
import { HttpError, readJson, sendJson } from './json';
import { snapshotsRoute } from './snapshotsApi';
import { tokensRoute } from './tokensApi';
import { votesRoute } from './votesApi';

/** Largest JSON body the boards API reads. */
const MAX_BODY_BYTES = 64 * 1024;

const createBody = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(MAX_TITLE_LENGTH),
    language: z.enum(LANGUAGES).default('nl'),
    template: z.enum(TEMPLATES).default('blank'),
  })
  .strict();

export type { BoardsApiDeps } from './created';

/** Handles `/api/boards…`; throws HttpError for client mistakes. */
export async function handleBoardsApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: BoardsApiDeps,
): Promise<void> {
  const parts = url.pathname.split('/').filter(Boolean); // ['api', 'boards', id?, …]
  const id = parts[2];
  if (parts.length === 2) {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    return create(req, res, deps);
  }
  if (id === 'import' && parts.length === 3) {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    return importRoute(req, res, deps);
  }
  if (id !== undefined && parts.length === 3) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
    return show(req, res, url, id, deps);
  }
  if (id !== undefined && parts[3] === 'export' && parts.length === 4) {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    return exportRoute(req, res, url, id, deps);
  }
  if (id !== undefined && parts[3] === 'votes' && parts.length === 4)
    return votesRoute(req, res, url, id, deps);
  if (id !== undefined && parts[3] === 'tokens' && parts.length === 5)
    return tokensRoute(req, res, url, id, parts[4]!, deps);
  if (id !== undefined && parts[3] === 'snapshots')
    return snapshotsRoute(req, res, url, id, parts.slice(4), deps);
  throw new HttpError(404, 'not_found', 'no such API route');
}

async function create(req: IncomingMessage, res: ServerResponse, deps: BoardsApiDeps): Promise<void> {
  const parsed = createBody.safeParse(await readJson(req, MAX_BODY_BYTES));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(
      400,
      'invalid_body',
      `expected {title, language?: "nl"|"en", template?: ${TEMPLATES.map((t) => `"${t}"`).join('|')}}`,
      details,
    );
  }
  const { title, language, template } = parsed.data;
  // The template's areas are the board's first content; its phases the control document's.
  const content = new Y.Doc();
  const control = new Y.Doc();
  try {
    initBoardDoc(content, { schemaVersion: CURRENT_SCHEMA_VERSION, title, language });
    applyTemplate(content, control, { template, language, createdBy: 'olievlek', now: Date.now() });
    const board = await createBoard(deps.storage, { title, language }, content);
    // A blank board's control document starts empty, as any board's did before templates.
    if (template !== 'blank')
      await deps.storage.appendUpdate(controlRoomName(board.id), Y.encodeStateAsUpdate(control));
    log('info', 'board.created', { board: board.id, language, template });
    sendCreated(req, res, deps, board);
  } finally {
    content.destroy();
    control.destroy();
  }
}

async function show(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  id: string,
  deps: BoardsApiDeps,
): Promise<void> {
  const access = await authorize(deps.storage, req, url, id);
  const title = deps.liveTitle(id) ?? access.title;
  if (access.role !== 'facilitator') return sendJson(res, 200, { id, title, role: access.role });
  // The facilitator gets the board's links back at any time (the share panel), derived from
  // their own token; nothing but hashes is stored.
  const board = await deps.storage.getBoard(id);
  const facilitator = tokenOf(req, url)!;
  const tokens = { facilitator, ...(board ? derivedTokens(board, facilitator) : {}) };
  const urls = Object.fromEntries(
    Object.entries(tokens).map(([role, token]) => [role, boardLink(req, deps, id, token)]),
  );
  sendJson(res, 200, { id, title, role: access.role, tokens, urls: urls.facilitator ? urls : null });
}

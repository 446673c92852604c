/**
 * The boards API (DESIGN.md contract 2): `POST /api/boards` creates a board and its three role
 * tokens; `GET /api/boards/:id` tells a token holder the board's title and their role. Bodies
 * are size-capped and validated with zod; every failure is a 4xx JSON answer, never a crash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { checkAccess, createBoard } from '../boards/boardService';
import { log } from '../log';
import type { Storage } from '../storage/storage';
import { LANGUAGES, MAX_TITLE_LENGTH } from '../../shared/ydoc';
import { HttpError, readJson, sendJson } from './json';

/** Largest JSON body the boards API reads. */
const MAX_BODY_BYTES = 64 * 1024;

/** Workshop templates; `blank` until workshop templates exist. */
const TEMPLATES = ['blank'] as const;

const createBody = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(MAX_TITLE_LENGTH),
    language: z.enum(LANGUAGES).default('nl'),
    template: z.enum(TEMPLATES).default('blank'),
  })
  .strict();

/** What the API needs from the rest of the server. */
export interface BoardsApiDeps {
  readonly storage: Storage;
  /** The public base URL for links; falls back to the request's Host. */
  readonly publicUrl: string | undefined;
  /** The live title of a loaded board, fresher than the stored one. */
  readonly liveTitle: (boardId: string) => string | undefined;
}

/** Handles `/api/boards…`; throws HttpError for client mistakes. */
export async function handleBoardsApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: BoardsApiDeps,
): Promise<void> {
  const parts = url.pathname.split('/').filter(Boolean); // ['api', 'boards', id?]
  if (parts.length === 2) {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    return create(req, res, deps);
  }
  if (parts.length === 3) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
    return show(req, res, url, parts[2]!, deps);
  }
  throw new HttpError(404, 'not_found', 'no such API route');
}

async function create(req: IncomingMessage, res: ServerResponse, deps: BoardsApiDeps): Promise<void> {
  const parsed = createBody.safeParse(await readJson(req, MAX_BODY_BYTES));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(
      400,
      'invalid_body',
      'expected {title, language?: "nl"|"en", template?: "blank"}',
      details,
    );
  }
  const board = await createBoard(deps.storage, parsed.data);
  const base = publicBase(req, deps.publicUrl);
  const link = (token: string) => `${base}/b/${board.id}#${token}`;
  log('info', 'board.created', {
    board: board.id,
    language: parsed.data.language,
    template: parsed.data.template,
  });
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
    },
    { Location: `/api/boards/${board.id}` },
  );
}

async function show(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  id: string,
  deps: BoardsApiDeps,
): Promise<void> {
  const access = await checkAccess(deps.storage, id, tokenOf(req, url));
  if (!access.ok && access.reason === 'unknown-board')
    throw new HttpError(404, 'unknown_board', 'no such board');
  if (!access.ok) throw new HttpError(401, 'unauthorized', 'a valid token for this board is required');
  sendJson(res, 200, { id, title: deps.liveTitle(id) ?? access.title, role: access.role });
}

/** The token from `Authorization: Bearer …` or `?token=`. */
function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? url.searchParams.get('token');
}

function publicBase(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `http://${req.headers.host ?? 'localhost'}`;
}

function methodNotAllowed(allow: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `use ${allow}`, { allow });
}

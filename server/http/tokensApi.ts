/**
 * Link rotation (DESIGN.md contract 3): `POST /api/boards/:id/tokens/:role` (facilitator; role
 * `participant` or `viewer`) makes a new link for that role. The old token is refused from then
 * on, for HTTP and new sockets; sockets already open stay open, so nobody in the room is cut off.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deriveToken, hashToken } from '../boards/tokens';
import { log } from '../log';
import { authorize, methodNotAllowed, tokenOf } from './access';
import { boardLink, type BoardsApiDeps } from './created';
import { HttpError, sendJson } from './json';

const ROTATABLE = ['participant', 'viewer'] as const;

/** Handles `/api/boards/:id/tokens/:role`. */
export async function tokensRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  boardId: string,
  role: string,
  deps: BoardsApiDeps,
): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed('POST');
  await authorize(deps.storage, req, url, boardId, 'facilitator');
  const target = ROTATABLE.find((r) => r === role);
  if (!target)
    throw new HttpError(400, 'invalid_role', 'only the participant and viewer links can be replaced');
  const board = await deps.storage.getBoard(boardId);
  if (!board) throw new HttpError(404, 'unknown_board', 'no such board');
  // The next generation of the link, derived from the facilitator's token (authorize checked it).
  const generation = (board.generations?.[target] ?? -1) + 1;
  const token = deriveToken(tokenOf(req, url)!, target, generation);
  if (!(await deps.storage.setTokenHash(boardId, target, hashToken(token), generation)))
    throw new HttpError(404, 'unknown_board', 'no such board');
  log('info', 'board.token_rotated', { board: boardId, role: target });
  const link = boardLink(req, deps, boardId, token);
  // Without PUBLIC_URL, behind a Host that is not this machine, the client builds the link itself.
  sendJson(res, 200, link ? { token, url: link } : { token, url: null, urlRefused: 'public_url_unset' });
}

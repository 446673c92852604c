/** Token checks for the board routes: who is asking, and refusing with the right status. */
import type { IncomingMessage } from 'node:http';
import { checkAccess } from '../boards/boardService';
import type { Role, Storage } from '../storage/storage';
import { HttpError } from './json';

/** The token from `Authorization: Bearer …` or `?token=`. */
export function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? url.searchParams.get('token');
}

/** The caller's role on the board; 404 for an unknown board, 401 without a valid token, 403 below `needs`. */
export async function authorize(
  storage: Storage,
  req: IncomingMessage,
  url: URL,
  boardId: string,
  needs?: Role,
): Promise<{ role: Role; title: string }> {
  const access = await checkAccess(storage, boardId, tokenOf(req, url));
  if (!access.ok && access.reason === 'unknown-board')
    throw new HttpError(404, 'unknown_board', 'no such board');
  if (!access.ok) throw new HttpError(401, 'unauthorized', 'a valid token for this board is required');
  if (needs && access.role !== needs)
    throw new HttpError(403, 'forbidden', `only the ${needs} may do this`, { role: access.role });
  return { role: access.role, title: access.title };
}

/** 405 with the methods a route takes. */
export function methodNotAllowed(allow: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `use ${allow}`, { allow });
}

/**
 * Secret dot votes over HTTP (DESIGN.md contract 3): `POST /api/boards/:id/votes`
 * `{userId, itemId, dots}` sets one person's dots on one item in the open vote (participant or
 * facilitator); `GET …/votes?userId=` answers `{mine, left}`, plus `totals` for the facilitator.
 * Refusals the client shows as they are: 409 `{error: "budget"}`, 409 `{error: "closed"}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MAX_VOTE_BUDGET } from '../../shared/control/fields';
import { MAX_ID_LENGTH } from '../../shared/kinds/base';
import { VoteError } from '../boards/votes';
import { authorize, methodNotAllowed } from './access';
import type { BoardsApiDeps } from './created';
import { HttpError, readJson, sendJson } from './json';

/** A user id as vote keys need it: no `|`, which separates item and user in the `votes` map. */
const userId = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(/^[^|]+$/, 'must not contain "|"');

const castBody = z
  .object({
    userId,
    itemId: z.string().min(1).max(MAX_ID_LENGTH),
    dots: z.number().int().min(0).max(MAX_VOTE_BUDGET),
  })
  .strict();

const MESSAGES: Record<VoteError['reason'], { status: number; message: string }> = {
  closed: { status: 409, message: 'there is no open vote' },
  budget: { status: 409, message: 'that is more dots than your budget' },
  item: { status: 400, message: 'that item cannot get dots in this vote' },
  busy: { status: 503, message: 'too many votes at once; try again' },
};

/** Handles `/api/boards/:id/votes`. */
export async function votesRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  boardId: string,
  deps: BoardsApiDeps,
): Promise<void> {
  if (req.method === 'GET') {
    const { role } = await authorize(deps.storage, req, url, boardId);
    const who = userId.safeParse(url.searchParams.get('userId') ?? '');
    if (!who.success) throw new HttpError(400, 'invalid_user', 'pass ?userId= (the id the client votes as)');
    return sendJson(res, 200, await deps.votes.mine(boardId, who.data, role === 'facilitator'));
  }
  if (req.method !== 'POST') throw methodNotAllowed('GET, POST');
  const { role } = await authorize(deps.storage, req, url, boardId);
  if (role === 'viewer') throw new HttpError(403, 'forbidden', 'viewers cannot vote', { role });
  const parsed = castBody.safeParse(await readJson(req, 4096));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(400, 'invalid_body', 'expected {userId, itemId, dots}', details);
  }
  try {
    sendJson(res, 200, await deps.votes.cast(boardId, parsed.data));
  } catch (error) {
    if (!(error instanceof VoteError)) throw error;
    const { status, message } = MESSAGES[error.reason];
    sendJson(res, status, { error: error.reason, message });
  }
}

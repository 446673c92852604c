/**
 * Snapshots over HTTP: `GET /api/boards/:id/snapshots` lists them (any role), `POST` with
 * `{label}` takes one and `POST …/snapshots/:sid/restore` restores one (facilitator only).
 * `POST …/snapshots/rewind` `{minutes}` (facilitator) restores the newest snapshot at least that
 * old: the one-click "back to N minutes ago", undone like any restore through its backup.
 * A snapshot's preview and downloads are exports: `…/export?format=svg&snapshot=sid`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MAX_SNAPSHOT_LABEL } from '../boards/snapshots';
import { authorize, methodNotAllowed } from './access';
import type { BoardsApiDeps } from './created';
import { HttpError, readJson, sendJson } from './json';

/** Furthest back "back to N minutes ago" goes: a long workshop day. */
const MAX_REWIND_MINUTES = 12 * 60;

const rewindBody = z.object({ minutes: z.number().int().min(1).max(MAX_REWIND_MINUTES) }).strict();

const createBody = z
  .object({ label: z.string().trim().min(1, 'label must not be empty').max(MAX_SNAPSHOT_LABEL) })
  .strict();

/** Handles `/api/boards/:id/snapshots[/:sid/restore]`; `rest` is what follows `snapshots`. */
export async function snapshotsRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  boardId: string,
  rest: readonly string[],
  deps: BoardsApiDeps,
): Promise<void> {
  if (rest.length === 0) {
    if (req.method === 'GET') {
      await authorize(deps.storage, req, url, boardId);
      return sendJson(res, 200, { snapshots: await deps.snapshots.list(boardId) });
    }
    if (req.method !== 'POST') throw methodNotAllowed('GET, POST');
    await authorize(deps.storage, req, url, boardId, 'facilitator');
    const parsed = createBody.safeParse(await readJson(req, 4096));
    if (!parsed.success) throw new HttpError(400, 'invalid_body', 'expected {label: string}');
    const snapshot = await deps.snapshots.take(boardId, parsed.data.label);
    return sendJson(res, 201, snapshot);
  }
  if (rest.length === 1 && rest[0] === 'rewind') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    await authorize(deps.storage, req, url, boardId, 'facilitator');
    const parsed = rewindBody.safeParse(await readJson(req, 4096));
    if (!parsed.success)
      throw new HttpError(400, 'invalid_body', `expected {minutes: 1 to ${MAX_REWIND_MINUTES}}`);
    // The newest snapshot at least that old: the board as it was then, give or take a round.
    const cutoff = Date.now() - parsed.data.minutes * 60_000;
    const target = (await deps.snapshots.list(boardId)).find((s) => s.createdAt <= cutoff);
    if (!target)
      throw new HttpError(
        404,
        'no_snapshot',
        `this board has no snapshot from ${parsed.data.minutes} minutes ago or earlier`,
      );
    const result = await deps.snapshots.restore(boardId, target.id);
    if (!result) throw new HttpError(404, 'no_snapshot', 'that snapshot is gone');
    return sendJson(res, 200, result);
  }
  if (rest.length === 2 && rest[1] === 'restore') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    await authorize(deps.storage, req, url, boardId, 'facilitator');
    const result = await deps.snapshots.restore(boardId, rest[0]!);
    if (!result) throw new HttpError(404, 'unknown_snapshot', 'this board has no such snapshot');
    return sendJson(res, 200, result);
  }
  throw new HttpError(404, 'not_found', 'no such API route');
}

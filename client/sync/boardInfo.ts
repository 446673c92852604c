/**
 * Who we are on a board: GET /api/boards/:id answers its title and this token's role. The
 * last answer is cached on this device so a board opens offline too. Only bounded values are
 * cached (a participant sets the title, and a huge one must not fill the device's storage),
 * and a cache that cannot be written is not a reason to fail: only a failed request counts
 * as being offline.
 */
import { MAX_TITLE_LENGTH } from '../../shared/ydoc';
import { readLocal, writeLocal } from './localStore';

/** The roles a board link can carry. */
export type Role = 'facilitator' | 'participant' | 'viewer';

/** What GET /api/boards/:id tells a token holder. */
export interface BoardInfo {
  id: string;
  title: string;
  role: Role;
}

/** Why a board could not be opened. */
export type OpenError = 'invalid' | 'notFound' | 'failed';

const ROLES: readonly string[] = ['facilitator', 'participant', 'viewer'];

/** What fetchBoardInfo talks to; the browser's own by default. */
export interface BoardInfoDeps {
  fetch?: typeof globalThis.fetch;
  storage?: Storage;
}

/** Fetches the board's title and this token's role; offline, the last answer this device got. */
export async function fetchBoardInfo(
  boardId: string,
  token: string,
  deps: BoardInfoDeps = {},
): Promise<BoardInfo | OpenError> {
  const cacheKey = `olievlek.board.${boardId}.${token.slice(0, 8)}`;
  let response: Response;
  try {
    response = await (deps.fetch ?? globalThis.fetch)(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch {
    // No network: a board this device has opened before still opens, from its own copy.
    return cachedInfo(readLocal(cacheKey, deps.storage), boardId) ?? 'failed';
  }
  if (response.status === 401 || response.status === 403) return 'invalid';
  if (response.status === 404) return 'notFound';
  if (!response.ok) return 'failed';
  const info = toBoardInfo(await response.json().catch(() => null), boardId);
  if (!info) return 'failed';
  writeLocal(cacheKey, JSON.stringify(info), deps.storage);
  return info;
}

/** A board info from untrusted JSON, its title cut to the model's bound; null when unusable. */
export function toBoardInfo(value: unknown, boardId: string): BoardInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const { title, role } = value as Record<string, unknown>;
  if (typeof title !== 'string' || typeof role !== 'string' || !ROLES.includes(role)) return null;
  return { id: boardId, title: clipTitle(title), role: role as Role };
}

function cachedInfo(cached: string | null, boardId: string): BoardInfo | null {
  if (!cached) return null;
  try {
    return toBoardInfo(JSON.parse(cached), boardId);
  } catch {
    return null;
  }
}

/** A title cut to MAX_TITLE_LENGTH without splitting a surrogate pair. */
function clipTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

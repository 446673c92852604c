/**
 * The facilitator's side of sharing: the board's three links (from the server, or the ones
 * this tab saw at creation), making a new participant or viewer link, and going back a few
 * minutes through the automatic snapshots.
 */
import { boardLinks, errorMessage, type BoardLinks } from './apiAnswer';
import { boardAccess } from './boardFiles';

/** A role whose link can be replaced. */
export type RotatableRole = 'participant' | 'viewer';

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const key = (boardId: string) => `olievlek.links.${boardId}`;

/** Keeps a new board's links for this tab, so the share panel has them if the server does not. */
export function rememberLinks(boardId: string, links: BoardLinks): void {
  try {
    sessionStore()?.setItem(key(boardId), JSON.stringify(links));
  } catch {
    // Storage refused (private mode, full): the panel then offers new links instead.
  }
}

function recalledLinks(boardId: string): BoardLinks | null {
  try {
    const raw = sessionStore()?.getItem(key(boardId));
    return raw ? boardLinks({ urls: JSON.parse(raw) as unknown }, location.origin) : null;
  } catch {
    return null;
  }
}

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  const { boardId, token } = boardAccess();
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(errorMessage(body, response.status));
  return body;
}

/** The links the server hands the facilitator, else the ones this tab kept; partial when neither. */
export async function loadLinks(): Promise<Partial<BoardLinks>> {
  const { boardId, token } = boardAccess();
  const own = `${location.origin}/b/${encodeURIComponent(boardId)}#${token}`;
  const answer = (await call('').catch(() => null)) as Record<string, unknown> | null;
  const fromServer = boardLinks({ ...answer, id: boardId }, location.origin);
  return fromServer ?? recalledLinks(boardId) ?? { facilitator: own };
}

/** Makes a new link for `role`; the old one stops letting newcomers in. */
export async function rotateLink(role: RotatableRole): Promise<string> {
  const { boardId } = boardAccess();
  const body = (await call(`/tokens/${role}`, { method: 'POST', body: '{}' })) as {
    token?: unknown;
    url?: unknown;
  };
  if (typeof body.url === 'string') return body.url;
  if (typeof body.token !== 'string') throw new Error('no token in the answer');
  return `${location.origin}/b/${encodeURIComponent(boardId)}#${body.token}`;
}

/** Restores the newest automatic snapshot at least `minutes` old. */
export async function rewind(minutes: number): Promise<void> {
  await call('/snapshots/rewind', { method: 'POST', body: JSON.stringify({ minutes }) });
}

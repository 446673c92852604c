/** Room names: `<boardId>` is a board's content document, `<boardId>/control` its control document. */

/** Board ids: URL-safe, at least 10 characters (DESIGN.md contract 1). */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

/** A content document or a control document. */
export type RoomKind = 'content' | 'control';

/** A parsed room name. */
export interface RoomName {
  readonly name: string;
  readonly boardId: string;
  readonly kind: RoomKind;
}

/** The room a name denotes, or null for anything that is not a board room. */
export function parseRoomName(name: string): RoomName | null {
  const [boardId, suffix, ...rest] = name.split('/');
  if (boardId === undefined || !BOARD_ID_PATTERN.test(boardId) || rest.length > 0) return null;
  if (suffix === undefined) return { name, boardId, kind: 'content' };
  return suffix === 'control' ? { name, boardId, kind: 'control' } : null;
}

/** The name of a board's control room. */
export function controlRoomName(boardId: string): string {
  return `${boardId}/control`;
}

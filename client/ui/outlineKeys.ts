/**
 * The Outline's keyboard, as the ARIA tree pattern has it: a pure mapping from a key on the
 * active row to what happens, so it works over every row, drawn or not, and is tested headless.
 */
import type { OutlineRow } from './outlineRows';

/** What a key does in the Outline. */
export type OutlineAction =
  { type: 'move'; index: number } | { type: 'expand' | 'collapse'; key: string } | { type: 'activate' };

/**
 * The action for `key` with row `active` current among `rows`, or null when the key is not the
 * Outline's (it then stays a board shortcut, like Delete). `page` is how many rows a page holds.
 */
export function outlineKey(
  rows: readonly OutlineRow[],
  active: number,
  key: string,
  page: number,
): OutlineAction | null {
  const last = rows.length - 1;
  if (last < 0) return null;
  const at = Math.min(Math.max(active, 0), last);
  const row = rows[at];
  const move = (index: number): OutlineAction => ({
    type: 'move',
    index: Math.min(Math.max(index, 0), last),
  });
  switch (key) {
    case 'ArrowDown':
      return move(active < 0 ? 0 : at + 1);
    case 'ArrowUp':
      return move(at - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case 'PageDown':
      return move(at + Math.max(1, page));
    case 'PageUp':
      return move(at - Math.max(1, page));
    case 'ArrowRight':
      if (row?.expanded === false) return { type: 'expand', key: row.key };
      return move(row?.expanded ? at + 1 : at);
    case 'ArrowLeft':
      if (row?.expanded) return { type: 'collapse', key: row.key };
      return move(row && row.parent >= 0 ? row.parent : at);
    case 'Enter':
    case ' ':
      return { type: 'activate' };
    default:
      return null;
  }
}

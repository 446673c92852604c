/**
 * The Outline as one flat list of rows (kind groups, their items, each item's outgoing links),
 * so it can be windowed: only the rows on screen are drawn, yet each row knows its place in the
 * whole tree (level, position, set size, parent) for assistive technology and the keyboard.
 */
import { ITEM_KINDS, type ItemKind } from '../../shared/itemKinds';
import type { BoardLink } from '../../shared/links/link';
import type { BoardReadModel } from '../../shared/readBoard';
import type { BoardItem } from '../../shared/schema';

interface RowPlace {
  /** Stable across edits, so the active row survives other people's changes. */
  key: string;
  /** 1 for kind groups, 2 for items, 3 for links. */
  level: 1 | 2 | 3;
  /** 1-based position among its siblings. */
  pos: number;
  /** How many siblings it has, itself included. */
  size: number;
  /** Index of the parent row, -1 for a group. */
  parent: number;
  /** Whether its children are shown; undefined when it has none. */
  expanded?: boolean;
}

/** One row of the flattened Outline. */
export type OutlineRow =
  | (RowPlace & { type: 'group'; kind: ItemKind; count: number })
  | (RowPlace & { type: 'item'; item: BoardItem })
  | (RowPlace & { type: 'link'; link: BoardLink });

/** Row key of a kind group. */
export const groupKey = (kind: ItemKind) => `g:${kind}`;
/** Row key of an item. */
export const itemKey = (id: string) => `i:${id}`;
/** Row key of a link. */
export const linkKey = (id: string) => `l:${id}`;

/** Flattens the board into Outline rows in display order, leaving out the children of collapsed rows. */
export function outlineRows(board: BoardReadModel, collapsed: ReadonlySet<string>): OutlineRow[] {
  const outgoing = new Map<string, BoardLink[]>();
  for (const link of board.links) {
    const list = outgoing.get(link.from);
    if (list) list.push(link);
    else outgoing.set(link.from, [link]);
  }
  const byKind = new Map<ItemKind, BoardItem[]>();
  for (const item of board.items) {
    const list = byKind.get(item.kind);
    if (list) list.push(item);
    else byKind.set(item.kind, [item]);
  }
  const kinds = ITEM_KINDS.filter((kind) => byKind.has(kind));
  const rows: OutlineRow[] = [];
  kinds.forEach((kind, k) => {
    const items = byKind.get(kind) ?? [];
    const key = groupKey(kind);
    const groupOpen = !collapsed.has(key);
    const group = rows.length;
    rows.push({
      type: 'group',
      kind,
      count: items.length,
      key,
      level: 1,
      pos: k + 1,
      size: kinds.length,
      parent: -1,
      expanded: groupOpen,
    });
    if (!groupOpen) return;
    items.forEach((item, i) => {
      const links = outgoing.get(item.id) ?? [];
      const key = itemKey(item.id);
      const open = links.length > 0 ? !collapsed.has(key) : undefined;
      const at = rows.length;
      rows.push({
        type: 'item',
        item,
        key,
        level: 2,
        pos: i + 1,
        size: items.length,
        parent: group,
        expanded: open,
      });
      if (!open) return;
      links.forEach((link, j) => {
        rows.push({
          type: 'link',
          link,
          key: linkKey(link.id),
          level: 3,
          pos: j + 1,
          size: links.length,
          parent: at,
        });
      });
    });
  });
  return rows;
}

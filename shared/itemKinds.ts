/** The item kind names of format v1; a leaf module so link rules can name kinds without cycles. */

/** Item kinds in toolbar order. */
export const ITEM_KINDS = [
  'ambition',
  'smallWin',
  'boundary',
  'actor',
  'intervention',
  'note',
  'frame',
] as const;

/** One of the item kinds. */
export type ItemKind = (typeof ITEM_KINDS)[number];

/** True when the value names an item kind. */
export function isItemKind(value: unknown): value is ItemKind {
  return typeof value === 'string' && (ITEM_KINDS as readonly string[]).includes(value);
}

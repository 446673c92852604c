/**
 * The item kind names of format v1, read from the kind registry (shared/kinds/registry.ts), so
 * a kind exists exactly when it is registered; the name type is a type-only import, so link
 * rules can name kinds without import cycles.
 */
import { KINDS } from './kinds/registry';

/** One of the item kinds. */
export type ItemKind = keyof typeof KINDS;

/** Item kinds in registry order (the outline's groups). */
export const ITEM_KINDS = Object.keys(KINDS) as readonly ItemKind[];

/** True when the value names an item kind. */
export function isItemKind(value: unknown): value is ItemKind {
  return typeof value === 'string' && Object.hasOwn(KINDS, value);
}

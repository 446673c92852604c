/** What a link kind is: a name and the item kinds it may connect, as DOMAIN.md allows. */
import type { ItemKind } from '../itemKinds';

/** One link kind's rule: which kinds may be its source and its target. */
export interface LinkKindRule<K extends string = string> {
  readonly kind: K;
  readonly from: readonly ItemKind[];
  readonly to: readonly ItemKind[];
  /** True for the kinds that carry a small win along a path toward an ambition. */
  readonly onPath: boolean;
}

/** Declares a link kind; a function so each kind file reads as one sentence. */
export function defineLinkKind<K extends string>(rule: LinkKindRule<K>): LinkKindRule<K> {
  return rule;
}

/** Every link kind and the endpoint rules of DOMAIN.md, in one place. */
import type { ItemKind } from '../itemKinds';
import { broadensLink } from './broadens';
import { contributesLink } from './contributes';
import { deepensLink } from './deepens';
import { enablesLink } from './enables';
import { involvesLink } from './involves';
import type { LinkKindRule } from './linkKind';
import { propelsLink } from './propels';
import { spreadsLink } from './spreads';

/** Link kinds in the order pickers show them. */
export const LINK_KINDS = [
  'contributes',
  'spreads',
  'broadens',
  'deepens',
  'enables',
  'propels',
  'involves',
] as const;

/** One of the link kinds. */
export type LinkKind = (typeof LINK_KINDS)[number];

/** The rule of each link kind. */
export const linkKindRules: { readonly [K in LinkKind]: LinkKindRule<K> } = {
  contributes: contributesLink,
  spreads: spreadsLink,
  broadens: broadensLink,
  deepens: deepensLink,
  enables: enablesLink,
  propels: propelsLink,
  involves: involvesLink,
};

/** True when the value names a link kind. */
export function isLinkKind(value: unknown): value is LinkKind {
  return typeof value === 'string' && (LINK_KINDS as readonly string[]).includes(value);
}

/** Whether DOMAIN.md allows a link of this kind from an item of one kind to one of another. */
export function isLinkAllowed(kind: LinkKind, from: ItemKind, to: ItemKind): boolean {
  const rule = linkKindRules[kind];
  return rule.from.includes(from) && rule.to.includes(to);
}

/** The link kinds allowed from one item kind to another, in picker order. */
export function allowedLinkKinds(from: ItemKind, to: ItemKind): LinkKind[] {
  return LINK_KINDS.filter((kind) => isLinkAllowed(kind, from, to));
}

/**
 * Every item kind's definition, keyed by kind: forgetting one is a compile error. Generic
 * code asks a kind's traits here instead of naming kinds.
 *
 *   kindDefinition(item.kind).traits.shape === 'line'; // a boundary marker
 */
import type { z } from 'zod';
import type { ItemKind } from '../itemKinds';
import type { DrawOptions, Primitive } from '../render/primitives';
import type { ItemLayout } from '../render/layout';
import { actorKind } from './actor';
import { ambitionKind } from './ambition';
import { boundaryKind } from './boundary';
import type { KindDefinition, KindReport, KindSchema, KindTraits, LinkEnd } from './define';
import { frameKind } from './frame';
import { interventionKind } from './intervention';
import { noteKind } from './note';
import { smallWinKind } from './smallWin';

const definitions = {
  ambition: ambitionKind,
  smallWin: smallWinKind,
  boundary: boundaryKind,
  actor: actorKind,
  intervention: interventionKind,
  note: noteKind,
  frame: frameKind,
} as const;

/** The definition of each kind, each registered under its own name: this list is what makes a kind exist. */
export const KINDS: {
  readonly [K in keyof typeof definitions]: (typeof definitions)[K] &
    KindDefinition<KindSchema> & { readonly kind: K };
} = definitions;

/** Each kind's zod schema, keyed by kind. */
export type KindSchemas = { readonly [K in ItemKind]: (typeof KINDS)[K]['schema'] };

/** An item of any kind, as the definitions' schemas read it. */
export type AnyKindItem = z.output<KindSchemas[ItemKind]>;

/** A definition seen through any item: what generic code calls. */
export interface AnyKindDefinition {
  readonly kind: ItemKind;
  readonly schema: KindSchemas[ItemKind];
  readonly defaults: KindDefinition['defaults'];
  readonly traits: KindTraits;
  readonly text: KindDefinition['text'];
  readonly report: KindReport<AnyKindItem>;
  draw(item: AnyKindItem, layout: ItemLayout, options: DrawOptions): Primitive[];
}

/** The definition of a kind. */
export function kindDefinition(kind: ItemKind): AnyKindDefinition {
  // Each definition's draw takes its own kind's item; callers pass the item of that kind.
  return KINDS[kind] as unknown as AnyKindDefinition;
}

/** The traits of a kind. */
export function kindTraits(kind: ItemKind): KindTraits {
  return KINDS[kind].traits;
}

/** Whether an item of a kind may be this end of some link. */
export function isLinkEnd(kind: ItemKind, end: LinkEnd): boolean {
  return KINDS[kind].traits.linkEnds.includes(end);
}

/** Whether a link gesture may start on an item of a kind (either end: the link reads the way the domain does). */
export function isLinkable(kind: ItemKind): boolean {
  return KINDS[kind].traits.linkEnds.length > 0;
}

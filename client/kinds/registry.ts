/**
 * Every kind's client parts, keyed by kind: forgetting one is a compile error. The tool bar,
 * the shortcuts and the inspector are derived from it.
 *
 *   TOOLBAR_KINDS.map((kind) => CLIENT_KINDS[kind].icon);
 */
import type { ComponentType } from 'react';
import type { ItemKind } from '../../shared/itemKinds';
import type { BoardItem } from '../../shared/schema';
import { actorClient } from './actor';
import { ambitionClient } from './ambition';
import { boundaryClient } from './boundary';
import type { ClientKind, KindFieldsProps } from './clientKind';
import { frameClient } from './frame';
import { interventionClient } from './intervention';
import { noteClient } from './note';
import { smallWinClient } from './smallWin';

/** The client parts of each kind. */
export const CLIENT_KINDS: { readonly [K in ItemKind]: ClientKind<K> } = {
  ambition: ambitionClient,
  smallWin: smallWinClient,
  boundary: boundaryClient,
  actor: actorClient,
  intervention: interventionClient,
  note: noteClient,
  frame: frameClient,
};

/** Kinds in tool bar order. */
export const TOOLBAR_KINDS: readonly ItemKind[] = (Object.keys(CLIENT_KINDS) as ItemKind[]).sort(
  (a, b) => CLIENT_KINDS[a].toolbarOrder - CLIENT_KINDS[b].toolbarOrder,
);

/** The kind whose tool a key picks, if any. */
export function kindForShortcut(key: string): ItemKind | undefined {
  return TOOLBAR_KINDS.find((kind) => CLIENT_KINDS[kind].shortcut === key);
}

/** A kind's inspector fields, seen through any item (callers pass the item of that kind). */
export function kindFields(kind: ItemKind): ComponentType<KindFieldsProps<BoardItem>> | null {
  return CLIENT_KINDS[kind].Fields as ComponentType<KindFieldsProps<BoardItem>> | null;
}

/**
 * What the client adds to a kind's shared definition: its inspector fields, its tool icon, its
 * shortcut key and its place in the tool bar. One file per kind in client/kinds/; the
 * registry (registry.ts) lists them.
 */
import type { ComponentType, ReactElement } from 'react';
import type { ItemKind } from '../../shared/itemKinds';
import type { ItemOfKind } from '../../shared/schema';
import type { Editor, EditorSnapshot } from '../editor/editor';

/** What a kind's inspector fields receive. */
export interface KindFieldsProps<T> {
  readonly item: T;
  readonly editor: Editor;
  readonly snapshot: EditorSnapshot;
  /** Writes fields of the item (one undo step per change). */
  set(patch: Record<string, unknown>): void;
}

/** One kind's client parts. */
export interface ClientKind<K extends ItemKind = ItemKind> {
  readonly kind: K;
  /** The inspector fields of its own; null when it has none beyond the common actions. */
  readonly Fields: ComponentType<KindFieldsProps<ItemOfKind<K>>> | null;
  /** The 24×24 tool icon's shapes, drawn in the colours the canvas uses for the kind. */
  readonly icon: ReactElement;
  /** The lower-case letter that picks its tool. */
  readonly shortcut: string;
  /** Its place in the tool bar, lowest first. */
  readonly toolbarOrder: number;
}

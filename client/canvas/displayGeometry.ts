/**
 * Where an item really is on screen, for the Konva components still being replaced: a thin
 * wrapper over the one shared layout (shared/render/layout.ts) measured with the canvas's fonts.
 */
import type { ItemKind } from '../../shared/itemKinds';
import { KINDS } from '../../shared/kinds/registry';
import type { BoardItem } from '../../shared/schema';
import { canvasLayouts } from './paint/measure';
import { displayedItem } from './paint/paintItem';

/** Text placement per kind, read from the kind definitions. */
export const KIND_METRICS = Object.fromEntries(
  Object.values(KINDS).map((kind) => [kind.kind, kind.text]),
) as { readonly [K in ItemKind]: (typeof KINDS)[K]['text'] };

/** Text metrics of a card body. */
export interface BodyLayout {
  readonly lines: readonly string[];
  readonly fontSize: number;
  readonly top: number;
  readonly height: number;
}

/** The body text layout of a card. */
export function itemBody(item: BoardItem): BodyLayout {
  const layout = canvasLayouts.of(item);
  const height = layout.lines.length * layout.fontSize * layout.lineHeight;
  return { lines: layout.lines, fontSize: layout.fontSize, top: layout.top, height };
}

/** The displayed height: the shared layout's one rule. */
export function displayHeight(item: BoardItem): number {
  return canvasLayouts.of(item).height;
}

/** The item with its displayed height, for geometry such as link end points. */
export function displayItem(item: BoardItem): BoardItem {
  return displayedItem(item);
}

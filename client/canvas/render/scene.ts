/**
 * Painting board content into a 2D context already set to a board transform: items from their
 * cached bitmaps (or directly when small or huge), and links with their captions and badges.
 * Used by the scene cache for the static board and by the overlay for dragged items.
 */
import { rectsIntersect, type Rect } from '../../../shared/geometry';
import type { BoardLink } from '../../../shared/links/link';
import { itemsById, type BoardReadModel } from '../../../shared/readBoard';
import type { BoardItem } from '../../../shared/schema';
import type { Language } from '../../../shared/ydoc';
import type { CrossingBadge, Highlight } from '../highlight';
import { itemDisplayBox, itemPaintBox, paintItem, paintLink } from '../paint/paintItem';
import type { ItemCache } from './itemCache';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Which link captions fit at a zoom: the kind's phrase from 75 %, a label someone wrote from 50 %. */
export function captionLevel(zoom: number): 'none' | 'labels' | 'all' {
  return zoom >= 0.75 ? 'all' : zoom >= 0.5 ? 'labels' : 'none';
}

/** Below this zoom text is unreadable: items are drawn as shapes only. */
export const LOW_DETAIL_ZOOM = 0.3;

/** Everything a scene drawing depends on besides the board and the camera. */
export interface SceneOptions {
  readonly language: Language;
  readonly detail: 'full' | 'low';
  readonly captions: 'none' | 'labels' | 'all';
  readonly highlight: Highlight | null;
  readonly selectedLink: string | null;
  readonly badges: ReadonlyMap<string, readonly CrossingBadge[]>;
  readonly locked: ReadonlySet<string>;
  /** Items drawn elsewhere (dragged or resized on the overlay) and left out here. */
  readonly hidden: ReadonlySet<string>;
}

/** Whether an item is faded because a highlight is on and it is off the paths (markers and frames never are). */
export function isDimmed(item: BoardItem, highlight: Highlight | null): boolean {
  return (
    highlight !== null && !highlight.items.has(item.id) && item.kind !== 'boundary' && item.kind !== 'frame'
  );
}

/** Board units a link's drawing may reach beyond the line between its items' centres. */
function linkReach(link: BoardLink): number {
  // Arrowhead, badges and the caption centred on the middle (11 px text, about 7 units a letter).
  return 28 + ((link.label?.length ?? 0) + 24) * 3.5;
}

/** The board rectangle a link's drawing may cover. */
export function linkBox(link: BoardLink, from: BoardItem, to: BoardItem): Rect {
  const a = itemDisplayBox(from);
  const b = itemDisplayBox(to);
  const ax = a.x + a.w / 2;
  const ay = a.y + a.h / 2;
  const bx = b.x + b.w / 2;
  const by = b.y + b.h / 2;
  const reach = linkReach(link);
  const x = Math.min(ax, bx) - reach;
  const y = Math.min(ay, by) - 30;
  return { x, y, w: Math.abs(ax - bx) + 2 * reach, h: Math.abs(ay - by) + 60 };
}

/** How an item is painted in a scene drawn with `options` (the key of its cached bitmap). */
export function itemPaintOptions(item: BoardItem, options: SceneOptions) {
  return { language: options.language, detail: options.detail, locked: options.locked.has(item.id) };
}

/** Paints one item at its place under the current board transform (from its bitmap in full detail). */
export function paintItemAt(
  ctx: Context,
  item: BoardItem,
  scale: number,
  cache: ItemCache,
  options: SceneOptions,
): void {
  const dimmed = isDimmed(item, options.highlight);
  if (dimmed) ctx.globalAlpha = 0.3;
  const paint = itemPaintOptions(item, options);
  // Shapes without text are cheaper to draw than to keep as bitmaps.
  const bitmap = options.detail === 'full' ? cache.get(item, scale, paint) : null;
  if (bitmap) {
    ctx.drawImage(bitmap.canvas, bitmap.box.x, bitmap.box.y, bitmap.box.w, bitmap.box.h);
  } else {
    ctx.save();
    ctx.translate(item.x, item.y);
    paintItem(ctx, item, paint);
    ctx.restore();
  }
  if (dimmed) ctx.globalAlpha = 1;
}

/** Paints one link (its items as given, so dragged ends can be moved). */
export function paintOneLink(
  ctx: Context,
  link: BoardLink,
  from: BoardItem,
  to: BoardItem,
  options: SceneOptions,
): void {
  ctx.save();
  paintLink(ctx, link, from, to, {
    language: options.language,
    captions: options.captions,
    selected: link.id === options.selectedLink,
    emphasis: options.highlight ? (options.highlight.links.has(link.id) ? 'on' : 'off') : 'none',
    badges: options.badges.get(link.id),
  });
  ctx.restore();
}

/** Items whose drawing reaches into `region`, bottom first. */
export function itemsIn(board: BoardReadModel, region: Rect, options: SceneOptions): BoardItem[] {
  const look = { language: options.language, detail: options.detail };
  return board.items.filter((item) => rectsIntersect(region, itemPaintBox(item, look)));
}

/** Paints the static board inside `region`: items in z-order, then the links over them, as the board always looked. */
export function paintScene(
  ctx: Context,
  board: BoardReadModel,
  region: Rect,
  scale: number,
  cache: ItemCache,
  options: SceneOptions,
): void {
  for (const item of itemsIn(board, region, options)) {
    if (!options.hidden.has(item.id)) paintItemAt(ctx, item, scale, cache, options);
  }
  const byId = itemsById(board);
  for (const link of board.links) {
    if (options.hidden.has(link.from) || options.hidden.has(link.to)) continue;
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (from && to && rectsIntersect(region, linkBox(link, from, to))) {
      paintOneLink(ctx, link, from, to, options);
    }
  }
}

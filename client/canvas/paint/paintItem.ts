/**
 * The canvas's painting of items and links (the paint contract, used by the renderer): each
 * kind's one drawing (shared/kinds), laid out with the browser's fonts, painted on a 2D context.
 * Drawings and display boxes are cached per item object, which the live reader keeps identical
 * while an item is unchanged, so panning re-measures and re-lays out nothing.
 *
 *   ctx.setTransform(zoom, 0, 0, zoom, item.x * zoom + panX, item.y * zoom + panY);
 *   paintItem(ctx, item, { language, detail: 'full', locked: false });
 */
import { itemBounds, type Rect } from '../../../shared/geometry';
import { kindDefinition, kindTraits } from '../../../shared/kinds/registry';
import type { BoardLink } from '../../../shared/links/link';
import { linkDrawing } from '../../../shared/render/linkDrawing';
import type { DrawOptions, Primitive } from '../../../shared/render/primitives';
import type { BoardItem } from '../../../shared/schema';
import type { Language } from '../../../shared/ydoc';
import type { CrossingBadge } from '../highlight';
import { lockBadge } from './lockBadge';
import { canvasLayouts, canvasMeasure } from './measure';
import { paintPrimitives, type Context2D } from './paintPrimitives';

/** Extra board units around an item's display box that its drawing may cover (shadow, stroke, badges, lock). */
export const PAINT_MARGIN = 16;

/** How to paint an item. */
export interface ItemPaintOptions extends DrawOptions {
  readonly locked: boolean;
}

/** How to paint a link. */
export interface LinkPaintOptions {
  readonly language: Language;
  readonly captions: 'none' | 'labels' | 'all';
  readonly selected: boolean;
  readonly emphasis: 'on' | 'off' | 'none';
  readonly badges: readonly CrossingBadge[] | undefined;
}

const drawings = new WeakMap<BoardItem, Map<string, Primitive[]>>();
const boxes = new WeakMap<BoardItem, Rect>();
const shown = new WeakMap<BoardItem, BoardItem>();

/** The item's drawing in item-local units, cached per item object, language and detail. */
function drawingOf(item: BoardItem, options: DrawOptions): Primitive[] {
  const key = `${options.language}|${options.detail}`;
  let perItem = drawings.get(item);
  const cached = perItem?.get(key);
  if (cached) return cached;
  const drawing = kindDefinition(item.kind).draw(item, canvasLayouts.of(item), {
    language: options.language,
    detail: options.detail,
  });
  if (!perItem) drawings.set(item, (perItem = new Map()));
  perItem.set(key, drawing);
  return drawing;
}

/** Draws an item in item-local board units: (0,0) is (item.x, item.y); a boundary runs from (0,0) to (w,h). The caller sets the transform. */
export function paintItem(ctx: Context2D, item: BoardItem, options: ItemPaintOptions): void {
  paintPrimitives(ctx, drawingOf(item, options), options.detail);
  if (options.locked) paintPrimitives(ctx, lockBadge(item.w, options.detail), options.detail);
}

/** The box the item is drawn in, in board coordinates: cards grown to fit their text; a boundary's normalised bounds. Cached per item object. */
export function itemDisplayBox(item: BoardItem): Rect {
  const cached = boxes.get(item);
  if (cached) return cached;
  const box = itemBounds(displayedItem(item));
  boxes.set(item, box);
  return box;
}

/** The item with its drawn height (the same object when it is not grown), for link end points. */
export function displayedItem(item: BoardItem): BoardItem {
  const cached = shown.get(item);
  if (cached) return cached;
  const h = canvasLayouts.of(item).height;
  const displayed = h === item.h ? item : { ...item, h };
  shown.set(item, displayed);
  return displayed;
}

/** Draws a link between the display boxes of its items, in board coordinates (the caller sets the camera transform). */
export function paintLink(
  ctx: Context2D,
  link: BoardLink,
  from: BoardItem,
  to: BoardItem,
  options: LinkPaintOptions,
): void {
  const drawing = linkDrawing(link, displayedItem(from), displayedItem(to), {
    ...options,
    measure: canvasMeasure,
  });
  paintPrimitives(ctx, drawing, 'full');
}

/** The text lines a drawing of this item paints (for tests that check what the canvas shows, e.g. no bidi controls). */
export function paintedText(item: BoardItem, options: DrawOptions): string[] {
  return drawingOf(item, options).flatMap((p) => (p.type === 'text' ? p.lines : []));
}

/**
 * Everything an item's drawing covers, in board coordinates: its display box grown by
 * PAINT_MARGIN, and wider where a boundary marker's one-line caption runs past its line.
 */
export function itemPaintBox(item: BoardItem, options: DrawOptions): Rect {
  const box = itemDisplayBox(item);
  let right = box.x + box.w + PAINT_MARGIN;
  // Boxes hold their text; only a line's caption runs outside.
  if (kindTraits(item.kind).shape === 'box') return inflate(box, right);
  for (const p of drawingOf(item, options)) {
    if (p.type !== 'text') continue;
    const longest = Math.max(0, ...p.lines.map((line) => canvasMeasure(line, p.fontSize, p.bold === true)));
    right = Math.max(right, item.x + p.x + longest + PAINT_MARGIN);
  }
  return inflate(box, right);
}

function inflate(box: Rect, right: number): Rect {
  return {
    x: box.x - PAINT_MARGIN,
    y: box.y - PAINT_MARGIN,
    w: right - box.x + PAINT_MARGIN,
    h: box.h + 2 * PAINT_MARGIN,
  };
}

/**
 * TEMPORARY STAND-IN (helper "render"): the real module is written by helper "kinds" at this
 * path from the per-kind drawings; the merge replaces this file. Same exports and signatures
 * as /work/wt/brief/paint-contract.md, drawing only a rounded box, a bar and the text lines.
 */
import { itemBounds, linkSegment, type Rect } from '../../../shared/geometry';
import { linkLabel } from '../../../shared/i18n';
import type { BoardLink } from '../../../shared/links/link';
import type { DrawOptions } from '../../../shared/render/primitives';
import type { BoardItem } from '../../../shared/schema';
import type { Language } from '../../../shared/ydoc';
import { displayHeight, itemBody } from '../displayGeometry';
import type { CrossingBadge } from '../highlight';
import {
  AMBITION,
  BOUNDARY_STYLE,
  CARD,
  FONT_FAMILY,
  FRAME,
  INK,
  LINE_HEIGHT,
  LINK_STYLE,
  NOTE,
  SELECTION,
  STATUS_COLOURS,
} from '../theme';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Extra board units around an item's display box that its drawing may cover. */
export const PAINT_MARGIN = 16;

/** What an item drawing depends on besides the item. */
export interface ItemPaintOptions extends DrawOptions {
  readonly locked: boolean;
}

const boxes = new WeakMap<BoardItem, Rect>();

/** The box the item is drawn in, in board coordinates. Cached per item object. */
export function itemDisplayBox(item: BoardItem): Rect {
  let box = boxes.get(item);
  if (!box) {
    const bounds = itemBounds(item);
    box = item.kind === 'boundary' ? bounds : { ...bounds, h: displayHeight(item) };
    boxes.set(item, box);
  }
  return box;
}

function fillOf(item: BoardItem): string {
  if (item.kind === 'ambition') return AMBITION.fill;
  if (item.kind === 'note') return NOTE.fill;
  if (item.kind === 'frame') return FRAME.fill;
  return CARD.fill;
}

function roundRect(ctx: Context, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(0, 0, w, h, r);
}

/** Draws an item in item-local board units. */
export function paintItem(ctx: Context, item: BoardItem, options: ItemPaintOptions): void {
  if (item.kind === 'boundary') {
    ctx.strokeStyle = BOUNDARY_STYLE[item.boundaryType].colour;
    ctx.lineWidth = 4;
    ctx.setLineDash(BOUNDARY_STYLE[item.boundaryType].dash);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(item.w, item.h);
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  const h = displayHeight(item);
  roundRect(ctx, item.w, h, CARD.radius);
  ctx.fillStyle = fillOf(item);
  ctx.fill();
  ctx.strokeStyle = item.kind === 'smallWin' ? STATUS_COLOURS[item.status] : CARD.border;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (options.locked) {
    ctx.fillStyle = '#495057';
    ctx.fillRect(item.w - 19, 13, 12, 9);
  }
  if (options.detail === 'low') return;
  const body = itemBody(item);
  const m = { fontSize: body.fontSize };
  ctx.fillStyle = item.kind === 'ambition' ? AMBITION.text : INK;
  ctx.font = `${m.fontSize}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'top';
  body.lines.forEach((line, i) => ctx.fillText(line, CARD.padding, body.top + i * m.fontSize * LINE_HEIGHT));
}

/** What a link drawing depends on. */
export interface LinkPaintOptions {
  readonly language: Language;
  readonly captions: 'none' | 'labels' | 'all';
  readonly selected: boolean;
  readonly emphasis: 'on' | 'off' | 'none';
  readonly badges: readonly CrossingBadge[] | undefined;
}

/** Draws a link between the display boxes of its items, in board coordinates. */
export function paintLink(
  ctx: Context,
  link: BoardLink,
  from: BoardItem,
  to: BoardItem,
  options: LinkPaintOptions,
): void {
  const segment = linkSegment(
    { ...from, ...itemDisplayBox(from) } as BoardItem,
    { ...to, ...itemDisplayBox(to) } as BoardItem,
  );
  if (!segment) return;
  const colour = options.selected ? SELECTION : LINK_STYLE[link.kind].colour;
  ctx.globalAlpha *= options.emphasis === 'off' ? 0.18 : 1;
  ctx.strokeStyle = colour;
  ctx.lineWidth = options.selected || options.emphasis === 'on' ? 4 : 2.5;
  ctx.beginPath();
  ctx.moveTo(segment.a.x, segment.a.y);
  ctx.lineTo(segment.b.x, segment.b.y);
  ctx.stroke();
  if (options.captions === 'all' || options.selected) {
    ctx.fillStyle = colour;
    ctx.font = `11px ${FONT_FAMILY}`;
    ctx.fillText(
      linkLabel(options.language, link.kind),
      (segment.a.x + segment.b.x) / 2,
      (segment.a.y + segment.b.y) / 2,
    );
  }
}

/** The text lines a drawing of this item paints. */
export function paintedText(item: BoardItem, options: DrawOptions): string[] {
  if (item.kind === 'boundary' || options.detail === 'low') return [];
  return [...itemBody(item).lines];
}

/**
 * Where the selection's handles are and how big: resize corners of one box-shaped item, the
 * two ends of one boundary marker, and the link handle beside a linkable item. The canvas
 * draws them from here and the hit test finds them from here, so they never disagree.
 * Sizes are screen pixels; on the board they are divided by the zoom.
 */
import { allowedLinkKinds } from '../../../shared/links/registry';
import { ITEM_KINDS, type ItemKind } from '../../../shared/itemKinds';
import { MIN_BOX_SIZE } from '../../../shared/kinds/base';
import type { Point, Rect } from '../../../shared/geometry';
import type { BoardItem } from '../../../shared/schema';
import type { HandleName } from './types';

/** Handle sizes in screen pixels. */
export const HANDLE_PX = {
  /** Side of a resize corner square. */
  corner: 12,
  /** Radius of a boundary end circle. */
  end: 10,
  /** Radius of the link handle. */
  link: 9,
  /** Gap between an item's right edge and the link handle's centre. */
  linkGap: 18,
} as const;

/** One handle, in board units. */
export interface HandleSpot {
  readonly itemId: string;
  readonly handle: HandleName;
  readonly center: Point;
  /** Half the side of a square, or the radius of a circle, in board units. */
  readonly radius: number;
  readonly shape: 'square' | 'circle';
}

/** Kinds a link can start from: those some link kind allows at either end. */
export const LINKABLE_KINDS: ReadonlySet<ItemKind> = new Set(
  ITEM_KINDS.filter((kind) =>
    ITEM_KINDS.some(
      (other) => allowedLinkKinds(kind, other).length > 0 || allowedLinkKinds(other, kind).length > 0,
    ),
  ),
);

/** The handles of a selection (only a single item has any), given its display box. */
export function selectionHandles(
  item: BoardItem | undefined,
  box: Rect | undefined,
  zoom: number,
): HandleSpot[] {
  if (!item || !box) return [];
  const spots: HandleSpot[] = [];
  const spot = (handle: HandleName, center: Point, px: number, shape: HandleSpot['shape']) =>
    spots.push({ itemId: item.id, handle, center, radius: px / zoom, shape });
  if (item.kind === 'boundary') {
    spot('start', { x: item.x, y: item.y }, HANDLE_PX.end, 'circle');
    spot('end', { x: item.x + item.w, y: item.y + item.h }, HANDLE_PX.end, 'circle');
  } else {
    const half = HANDLE_PX.corner / 2;
    spot('nw', { x: box.x, y: box.y }, half, 'square');
    spot('ne', { x: box.x + box.w, y: box.y }, half, 'square');
    spot('sw', { x: box.x, y: box.y + box.h }, half, 'square');
    spot('se', { x: box.x + box.w, y: box.y + box.h }, half, 'square');
  }
  if (LINKABLE_KINDS.has(item.kind))
    spot(
      'link',
      { x: box.x + box.w + HANDLE_PX.linkGap / zoom, y: box.y + box.h / 2 },
      HANDLE_PX.link,
      'circle',
    );
  return spots;
}

/** The handle under a point within `tolerance` board units; later handles win (the link handle is drawn last). */
export function handleAt(spots: readonly HandleSpot[], p: Point, tolerance: number): HandleSpot | undefined {
  for (let i = spots.length - 1; i >= 0; i--) {
    const s = spots[i] as HandleSpot;
    const reach = s.radius + tolerance;
    const dx = Math.abs(p.x - s.center.x);
    const dy = Math.abs(p.y - s.center.y);
    if (s.shape === 'square' ? dx <= reach && dy <= reach : Math.hypot(dx, dy) <= reach) return s;
  }
  return undefined;
}

/** The CSS cursor over a handle. */
export function handleCursor(handle: HandleName): string {
  if (handle === 'nw' || handle === 'se') return 'nwse-resize';
  if (handle === 'ne' || handle === 'sw') return 'nesw-resize';
  if (handle === 'link') return 'crosshair';
  return 'move';
}

/**
 * The geometry after dragging a handle by (dx, dy) board units: a corner moves while the
 * opposite one stays, never below the smallest size; a boundary end moves and the other stays.
 * For a boundary the result is its stored x, y, w, h (w and h may be negative).
 */
export function resizedBox(item: BoardItem, box: Rect, handle: HandleName, dx: number, dy: number): Rect {
  if (item.kind === 'boundary') {
    const start = { x: item.x, y: item.y };
    const end = { x: item.x + item.w, y: item.y + item.h };
    if (handle === 'start')
      return { x: start.x + dx, y: start.y + dy, w: end.x - start.x - dx, h: end.y - start.y - dy };
    return { x: start.x, y: start.y, w: item.w + dx, h: item.h + dy };
  }
  let left = box.x;
  let top = box.y;
  let right = box.x + box.w;
  let bottom = box.y + box.h;
  if (handle === 'nw' || handle === 'sw') left = Math.min(left + dx, right - MIN_BOX_SIZE);
  else right = Math.max(right + dx, left + MIN_BOX_SIZE);
  if (handle === 'nw' || handle === 'ne') top = Math.min(top + dy, bottom - MIN_BOX_SIZE);
  else bottom = Math.max(bottom + dy, top + MIN_BOX_SIZE);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

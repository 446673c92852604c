/**
 * TEMPORARY STAND-IN (helper "render") for client/editor/tools/handles.ts, which helper "tools"
 * writes; delete this file and import theirs once it is on main. Same names and shapes.
 */
import type { Point, Rect } from '../../../shared/geometry';
import type { BoardItem } from '../../../shared/schema';
import type { HandleName } from '../../editor/tools/types';

/** Handle sizes in screen pixels. */
export const HANDLE_PX = { corner: 12, end: 10, link: 9, linkGap: 18 } as const;

/** One handle, in board units. */
export interface HandleSpot {
  readonly itemId: string;
  readonly handle: HandleName;
  readonly center: Point;
  readonly radius: number;
  readonly shape: 'square' | 'circle';
}

const LINKABLE = new Set(['smallWin', 'ambition', 'intervention', 'actor']);

/** The handles of a single selected item, given its display box. */
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
  if (LINKABLE.has(item.kind))
    spot(
      'link',
      { x: box.x + box.w + HANDLE_PX.linkGap / zoom, y: box.y + box.h / 2 },
      HANDLE_PX.link,
      'circle',
    );
  return spots;
}

/** The handle under a point; later handles win. */
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

/**
 * The camera: board units to screen pixels as `screen = board * zoom + offset`, which is
 * exactly Konva's stage position and scale. Pure functions, so pan and zoom are testable
 * without a canvas.
 */
import type { Point, Rect } from '../../shared/geometry';

/** Where the camera looks and how large the screen is. */
export interface Viewport {
  readonly offsetX: number;
  readonly offsetY: number;
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
}

/** Zoom limits: 5 % shows a whole district plan, 400 % reads small print on a tablet. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

/** The viewport a new board opens with. */
export const initialViewport: Viewport = { offsetX: 0, offsetY: 0, zoom: 1, width: 1280, height: 800 };

/** A board point under a screen point. */
export function screenToBoard(v: Viewport, p: Point): Point {
  return { x: (p.x - v.offsetX) / v.zoom, y: (p.y - v.offsetY) / v.zoom };
}

/** The screen point of a board point. */
export function boardToScreen(v: Viewport, p: Point): Point {
  return { x: p.x * v.zoom + v.offsetX, y: p.y * v.zoom + v.offsetY };
}

/** The board area the screen shows. */
export function visibleRect(v: Viewport): Rect {
  const topLeft = screenToBoard(v, { x: 0, y: 0 });
  return { x: topLeft.x, y: topLeft.y, w: v.width / v.zoom, h: v.height / v.zoom };
}

/** The board point at the centre of the screen. */
export function viewportCenter(v: Viewport): Point {
  return screenToBoard(v, { x: v.width / 2, y: v.height / 2 });
}

/** Moves the camera by a screen distance. */
export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { ...v, offsetX: v.offsetX + dx, offsetY: v.offsetY + dy };
}

/** Zooms to `zoom` keeping the board point under `anchor` (a screen point) in place. */
export function zoomAt(v: Viewport, zoom: number, anchor: Point): Viewport {
  const next = clampZoom(zoom);
  const board = screenToBoard(v, anchor);
  return { ...v, zoom: next, offsetX: anchor.x - board.x * next, offsetY: anchor.y - board.y * next };
}

/** Zooms by a factor around the screen centre (keyboard + and -). */
export function zoomBy(v: Viewport, factor: number): Viewport {
  return zoomAt(v, v.zoom * factor, { x: v.width / 2, y: v.height / 2 });
}

/** Shows `rect` whole and centred with a margin in pixels, never zooming past 100 %. */
export function fitRect(v: Viewport, rect: Rect, margin = 48): Viewport {
  const w = Math.max(rect.w, 1);
  const h = Math.max(rect.h, 1);
  const zoom = clampZoom(Math.min((v.width - 2 * margin) / w, (v.height - 2 * margin) / h, 1));
  return {
    ...v,
    zoom,
    offsetX: v.width / 2 - (rect.x + w / 2) * zoom,
    offsetY: v.height / 2 - (rect.y + h / 2) * zoom,
  };
}

/** Centres a board point without changing the zoom. */
export function centerOn(v: Viewport, p: Point): Viewport {
  return { ...v, offsetX: v.width / 2 - p.x * v.zoom, offsetY: v.height / 2 - p.y * v.zoom };
}

/** The viewport after the screen was resized, keeping the same board point in the middle. */
export function resize(v: Viewport, width: number, height: number): Viewport {
  const center = viewportCenter(v);
  return centerOn({ ...v, width, height }, center);
}

function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : 1));
}

/** The viewport a pinch gives: the board point under the first midpoint follows the fingers. */
export function pinchViewport(
  start: Viewport,
  startMid: Point,
  startDistance: number,
  mid: Point,
  distance: number,
): Viewport {
  const zoomed = zoomAt(start, start.zoom * (distance / Math.max(startDistance, 1)), startMid);
  return panBy(zoomed, mid.x - startMid.x, mid.y - startMid.y);
}

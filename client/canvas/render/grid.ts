/**
 * The dot grid, painted into the scene cache under the items: it moves with the cached bitmap
 * on a pan, so it costs nothing per frame. The spacing doubles as the zoom falls, so the
 * dots never turn into noise.
 */
import type { Rect } from '../../../shared/geometry';
import { CANVAS_BACKGROUND, GRID_DOT } from '../theme';

/** Board units between dots at full size. */
const SPACING = 40;
/** Dots closer than this many screen pixels are thinned out. */
const MIN_GAP_PX = 24;
/** Half a dot's side in screen pixels. */
const DOT_PX = 1.4;

/** Fills `region` (board units, under a board transform at `zoom`) with the background and its dots. */
export function paintGrid(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  region: Rect,
  zoom: number,
): void {
  ctx.fillStyle = CANVAS_BACKGROUND;
  ctx.fillRect(region.x, region.y, region.w, region.h);
  let spacing = SPACING;
  while (spacing * zoom < MIN_GAP_PX) spacing *= 2;
  const r = DOT_PX / zoom;
  ctx.fillStyle = GRID_DOT;
  ctx.beginPath();
  const startX = Math.floor(region.x / spacing) * spacing;
  const startY = Math.floor(region.y / spacing) * spacing;
  for (let x = startX; x <= region.x + region.w + spacing; x += spacing) {
    for (let y = startY; y <= region.y + region.h + spacing; y += spacing)
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
  }
  ctx.fill();
}

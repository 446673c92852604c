/**
 * The dot grid as the canvas element's CSS background: one gradient tile the browser repeats,
 * moved and scaled from the camera on every frame, so the grid costs no canvas drawing at all.
 * The spacing doubles as the zoom falls, so the dots never turn into noise.
 */
import type { Viewport } from '../../editor/viewport';
import { CANVAS_BACKGROUND, GRID_DOT } from '../theme';

/** Board units between dots at full size. */
const SPACING = 40;
/** Dots closer than this many screen pixels are thinned out. */
const MIN_GAP_PX = 24;

/** Sets the grid background of `element` for a camera. */
export function applyGrid(element: HTMLElement, camera: Viewport): void {
  let spacing = SPACING;
  while (spacing * camera.zoom < MIN_GAP_PX) spacing *= 2;
  const tile = spacing * camera.zoom;
  // The dot sits in the tile's centre, so the tile starts half a tile before each grid point.
  const x = (((camera.offsetX - tile / 2) % tile) + tile) % tile;
  const y = (((camera.offsetY - tile / 2) % tile) + tile) % tile;
  const style = element.style;
  style.backgroundColor = CANVAS_BACKGROUND;
  style.backgroundImage = `radial-gradient(circle at center, ${GRID_DOT} 1.4px, transparent 1.6px)`;
  style.backgroundSize = `${tile}px ${tile}px`;
  style.backgroundPosition = `${x}px ${y}px`;
}

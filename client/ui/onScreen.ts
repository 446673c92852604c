/**
 * Culling for the DOM layers over the canvas (dots, other people's selections): what lies off
 * screen gets no element, so their DOM grows with what is in view, not with the board.
 */
import { inflateRect, rectsIntersect, type Rect } from '../../shared/geometry';
import { visibleRect, type Viewport } from '../editor/viewport';

/** True when board rectangle `rect` shows on screen, give or take `marginPx` screen pixels. */
export function onScreen(viewport: Viewport, rect: Rect, marginPx = 48): boolean {
  // Before the stage is measured nothing is known to be off screen.
  if (viewport.width <= 0 || viewport.height <= 0) return true;
  return rectsIntersect(inflateRect(visibleRect(viewport), marginPx / viewport.zoom), rect);
}

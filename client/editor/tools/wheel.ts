/** The wheel: with ctrl or meta it zooms around the pointer (trackpad pinches), with shift it pans sideways, else it pans. */
import type { Editor } from '../editor';
import { panBy, zoomAt } from '../viewport';
import type { ToolWheel } from './types';

/** Moves the live camera for one wheel event. */
export function applyWheel(editor: Editor, wheel: ToolWheel): void {
  const v = editor.camera.get();
  // Small deltas arrive many times a second; an exponential makes every step feel the same.
  if (wheel.mod) editor.moveCamera(zoomAt(v, v.zoom * Math.exp(-wheel.deltaY * 0.01), wheel.screen));
  else if (wheel.shift) editor.moveCamera(panBy(v, -wheel.deltaY, -wheel.deltaX));
  else editor.moveCamera(panBy(v, -wheel.deltaX, -wheel.deltaY));
}

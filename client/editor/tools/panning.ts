/** Moving the camera with a pointer: middle button, space and the primary button, or one finger on empty canvas. */
import { panBy } from '../viewport';
import type { ToolContext, ToolState } from './context';
import type { ToolPointer } from './types';

/** Pans by the pointer's screen movement; the camera is committed when it lifts. */
export function panning(ctx: ToolContext, down: ToolPointer): ToolState {
  let last = down.screen;
  const { editor } = ctx;
  return {
    name: 'panning',
    pointerId: down.pointerId,
    pointerMove(event) {
      editor.moveCamera(panBy(editor.camera.get(), event.screen.x - last.x, event.screen.y - last.y));
      last = event.screen;
    },
    pointerUp() {
      ctx.idle();
      editor.commitCamera();
    },
    // The camera is not the document: where a cancelled pan got to, it stays.
    cancel: () => editor.commitCamera(),
  };
}

/** A rubber band from empty canvas: selects what it touches on release. */
import { rectFromPoints } from '../../../shared/geometry';
import type { ToolContext, ToolState } from './context';
import type { ToolPointer } from './types';

/** Smallest marquee, in screen pixels each way, that counts as one (less is a click). */
export const MARQUEE_MIN_PX = 4;

/** Draws the marquee from where the pointer went down; `additive` keeps the selection. */
export function marquee(ctx: ToolContext, down: ToolPointer, additive: boolean): ToolState {
  return {
    name: 'marquee',
    pointerId: down.pointerId,
    pointerMove(event) {
      ctx.show({ marquee: rectFromPoints(down.point, event.point) });
    },
    pointerUp(event) {
      const rect = rectFromPoints(down.point, event.point);
      const zoom = ctx.editor.camera.get().zoom;
      ctx.idle();
      if (rect.w * zoom > MARQUEE_MIN_PX && rect.h * zoom > MARQUEE_MIN_PX)
        ctx.editor.selectInRect(rect, additive);
    },
  };
}

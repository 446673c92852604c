/**
 * Two fingers: zoom around their midpoint and pan with it, so the board point under the
 * fingers stays under them. When one lifts the pinch ends; the other is ignored until it lifts.
 */
import type { Point } from '../../../shared/geometry';
import { pinchViewport } from '../viewport';
import type { ToolContext, ToolState } from './context';

/** Pinches with the first two of `touches` (pointer id to screen point, kept current by the machine). */
export function pinching(ctx: ToolContext, touches: ReadonlyMap<number, Point>): ToolState {
  const { editor } = ctx;
  const pair = () => {
    const [a, b] = [...touches.values()];
    if (!a || !b) return null;
    return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  };
  const first = pair();
  const start = editor.camera.get();
  let active = first !== null;
  return {
    name: 'pinching',
    pointerMove(event) {
      // Only the fingers move a pinch; a mouse hovering meanwhile does not.
      if (event.pointerType !== 'touch') return;
      const now = pair();
      if (!active || !first || !now) return;
      editor.moveCamera(pinchViewport(start, first.mid, first.distance, now.mid, now.distance));
    },
    pointerUp() {
      if (active) editor.commitCamera();
      active = false;
      if (touches.size === 0) ctx.idle();
    },
    cancel() {
      if (active) editor.commitCamera();
    },
  };
}

/**
 * Touch on a tablet, tracked on the canvas element itself (Konva reports one pointer at a
 * time): two fingers pinch-zoom around their midpoint and pan with it, without jumps; a
 * finger held still on an item opens its menu.
 */
import type { Point } from '../../shared/geometry';
import { panBy, zoomAt, type Viewport } from '../editor/viewport';

/** How long a finger must rest on an item before its menu opens, and how far it may wander. */
const LONG_PRESS_MS = 550;
const LONG_PRESS_SLOP = 10;

interface TouchOptions {
  container(): HTMLElement | null;
  viewport(): Viewport;
  onViewport(viewport: Viewport): void;
  /** A second finger arrived: whatever one finger was doing stops. */
  onPinchStart(): void;
  onLongPress(itemId: string, at: Point): void;
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

/** Creates the touch tracker; `attach()` returns the function that detaches it. */
export function createTouchInput(options: TouchOptions) {
  const touches = new Map<number, Point>();
  let pinch: { viewport: Viewport; mid: Point; distance: number } | null = null;
  let press: { timer: ReturnType<typeof setTimeout>; start: Point; pointerId: number } | null = null;

  const local = (event: PointerEvent): Point => {
    const box = options.container()?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };
  const pair = () => {
    const [a, b] = [...touches.values()];
    if (!a || !b) return null;
    return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  };
  const cancelPress = () => {
    if (press) clearTimeout(press.timer);
    press = null;
  };

  const down = (event: PointerEvent) => {
    if (event.pointerType !== 'touch') return;
    touches.set(event.pointerId, local(event));
    if (touches.size === 2) {
      cancelPress();
      const p = pair();
      if (p) pinch = { viewport: options.viewport(), ...p };
      options.onPinchStart();
    }
  };
  const move = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' || !touches.has(event.pointerId)) return;
    const at = local(event);
    touches.set(event.pointerId, at);
    if (
      press &&
      press.pointerId === event.pointerId &&
      Math.hypot(at.x - press.start.x, at.y - press.start.y) > LONG_PRESS_SLOP
    ) {
      cancelPress();
    }
    const p = pair();
    if (pinch && p)
      options.onViewport(pinchViewport(pinch.viewport, pinch.mid, pinch.distance, p.mid, p.distance));
  };
  const up = (event: PointerEvent) => {
    if (event.pointerType !== 'touch') return;
    touches.delete(event.pointerId);
    if (press?.pointerId === event.pointerId) cancelPress();
    if (touches.size < 2) pinch = null;
  };

  return {
    /** True while two fingers are down: one-finger gestures must stand aside. */
    pinching: () => pinch !== null,
    /** Starts the long-press timer for a finger that went down on an item. */
    startLongPress(itemId: string, event: PointerEvent) {
      cancelPress();
      if (touches.size > 1) return;
      const start = local(event);
      press = {
        start,
        pointerId: event.pointerId,
        timer: setTimeout(() => {
          press = null;
          options.onLongPress(itemId, start);
        }, LONG_PRESS_MS),
      };
    },
    attach(): () => void {
      const element = options.container();
      if (!element) return () => {};
      // Capture phase: Konva stops some events from bubbling, and every finger must be counted.
      element.addEventListener('pointerdown', down, true);
      window.addEventListener('pointermove', move, true);
      window.addEventListener('pointerup', up, true);
      window.addEventListener('pointercancel', up, true);
      return () => {
        cancelPress();
        element.removeEventListener('pointerdown', down, true);
        window.removeEventListener('pointermove', move, true);
        window.removeEventListener('pointerup', up, true);
        window.removeEventListener('pointercancel', up, true);
      };
    },
  };
}

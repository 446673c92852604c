/** A finger held still on an item opens its menu, as a right click does with a mouse. */
import type { ToolContext } from './context';
import type { ToolPointer } from './types';

/** How long a finger must rest, and how far (screen pixels) it may wander meanwhile. */
export const LONG_PRESS_MS = 550;
export const LONG_PRESS_SLOP_PX = 10;

/** A running long-press timer. */
export interface LongPress {
  /** The finger moved: too far, and the press is off. */
  moved(event: ToolPointer): void;
  stop(): void;
}

/** Starts the timer for a touch on an item; for a mouse or pen it never fires. */
export function startLongPress(ctx: ToolContext, down: ToolPointer, itemId: string): LongPress {
  if (down.pointerType !== 'touch') return { moved() {}, stop() {} };
  let handle: unknown = ctx.host.setTimeout(() => {
    handle = null;
    // Whatever the finger started (a drag) ends uncommitted: the menu is what was meant.
    ctx.abort();
    ctx.host.openItemMenu(itemId, down.screen);
  }, LONG_PRESS_MS);
  const stop = () => {
    if (handle !== null) ctx.host.clearTimeout(handle);
    handle = null;
  };
  return {
    moved(event) {
      if (Math.hypot(event.screen.x - down.screen.x, event.screen.y - down.screen.y) > LONG_PRESS_SLOP_PX)
        stop();
    },
    stop,
  };
}

/** A pointer went down on an item: a click, the start of a drag, or (touch) a long press. */
import { DRAG_THRESHOLD_PX, screenDistance, type ToolContext, type ToolState } from './context';
import { dragging } from './dragging';
import { startLongPress } from './longPress';
import type { ToolPointer } from './types';

/** Waits for the pointer to move past the drag threshold or to lift. */
export function pointingItem(ctx: ToolContext, down: ToolPointer, itemId: string): ToolState {
  const press = startLongPress(ctx, down, itemId);
  return {
    name: 'pointingItem',
    pointerId: down.pointerId,
    pointerMove(event) {
      press.moved(event);
      const { readOnly, selection } = ctx.editor.getSnapshot();
      if (readOnly || screenDistance(event, down) <= DRAG_THRESHOLD_PX) return;
      // Dragging an item outside the selection (shift-clicked off) moves just that item.
      const ids = selection.includes(itemId) ? selection : [itemId];
      if (!selection.includes(itemId)) ctx.editor.select([itemId]);
      const next = dragging(ctx, down, new Set(ids), press);
      ctx.go(next, { cursor: 'move' });
      next.pointerMove?.(event);
    },
    pointerUp() {
      press.stop();
      ctx.idle();
    },
    cancel: press.stop,
  };
}

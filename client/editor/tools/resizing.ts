/** Dragging a resize corner or a boundary end: shown through `interaction.resize`, written on release. */
import type { ToolContext, ToolState } from './context';
import { resizedBox } from './handles';
import type { HandleName, ToolPointer } from './types';

/** Resizes `itemId` by its `handle`; null when the item is gone. */
export function resizing(
  ctx: ToolContext,
  down: ToolPointer,
  itemId: string,
  handle: HandleName,
): ToolState | null {
  const { editor } = ctx;
  const item = editor.getSnapshot().board.items.find((i) => i.id === itemId);
  const box = editor.displayBox(itemId);
  if (!item || !box) return null;
  let moved = false;
  const follow = (event: ToolPointer) => {
    moved ||= event.point.x !== down.point.x || event.point.y !== down.point.y;
    const next = resizedBox(item, box, handle, event.point.x - down.point.x, event.point.y - down.point.y);
    ctx.show({ resize: { id: itemId, box: next } });
    return next;
  };
  return {
    name: 'resizing',
    pointerId: down.pointerId,
    pointerMove: follow,
    pointerUp(event) {
      const next = follow(event);
      ctx.idle();
      if (!moved) return;
      editor.resizeItem(itemId, {
        x: Math.round(next.x),
        y: Math.round(next.y),
        w: Math.round(next.w),
        h: Math.round(next.h),
      });
    },
  };
}

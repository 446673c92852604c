/** Drawing a link from an item: released over another item, the editor links them (or asks which kind). */
import type { ToolContext, ToolState } from './context';
import type { ToolPointer } from './types';

/** Draws a link from `from` to wherever the pointer goes. */
export function linking(ctx: ToolContext, down: ToolPointer, from: string): ToolState {
  return {
    name: 'linking',
    pointerId: down.pointerId,
    pointerMove(event) {
      ctx.show({ linkDraft: { from, to: event.point } });
    },
    pointerUp(event) {
      ctx.idle();
      const target = ctx.editor.itemAt(event.point);
      if (target && target.id !== from) ctx.editor.requestLink(from, target.id);
    },
  };
}

/** Moving the selection: shown through `interaction.drag`, written once on release. */
import type { ToolContext, ToolState } from './context';
import type { LongPress } from './longPress';
import type { ToolPointer } from './types';

/** Drags `ids` from where the pointer went down. */
export function dragging(
  ctx: ToolContext,
  down: ToolPointer,
  ids: ReadonlySet<string>,
  press: LongPress,
): ToolState {
  let dx = 0;
  let dy = 0;
  const follow = (event: ToolPointer) => {
    dx = event.point.x - down.point.x;
    dy = event.point.y - down.point.y;
    ctx.show({ drag: { ids, dx, dy } });
  };
  return {
    name: 'dragging',
    pointerId: down.pointerId,
    pointerMove(event) {
      press.moved(event);
      follow(event);
    },
    pointerUp(event) {
      press.stop();
      follow(event);
      ctx.idle();
      ctx.editor.moveItems([...ids], Math.round(dx), Math.round(dy));
    },
    cancel: press.stop,
  };
}

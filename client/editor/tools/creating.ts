/** A kind tool places its item where the pointer goes down, then the pointer is done. */
import type { ItemKind } from '../../../shared/itemKinds';
import type { ToolContext, ToolState } from './context';
import type { ToolPointer } from './types';

/** Creates an item of `kind` centred on the pointer and waits for the pointer to lift. */
export function creating(ctx: ToolContext, down: ToolPointer, kind: ItemKind): ToolState {
  ctx.editor.createItem(kind, down.point);
  return {
    name: 'creating',
    pointerId: down.pointerId,
    pointerUp: () => ctx.idle(),
  };
}

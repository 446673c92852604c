/** No gesture: a pointer going down decides which one starts; a hovering mouse sets the cursor. */
import { restingCursor, type ToolContext, type ToolState } from './context';
import { creating } from './creating';
import { handleCursor } from './handles';
import { linking } from './linking';
import { marquee } from './marquee';
import { panning } from './panning';
import { pointingItem } from './pointingItem';
import { resizing } from './resizing';
import type { ToolPointer } from './types';

/** The idle state. */
export function idle(ctx: ToolContext): ToolState {
  const { editor } = ctx;
  return {
    name: 'idle',
    pointerDown(event: ToolPointer) {
      const { tool, readOnly, selection } = editor.getSnapshot();
      if (event.button === 1 || (event.button === 0 && event.space)) {
        ctx.go(panning(ctx, event), { cursor: 'grab' });
        return;
      }
      if (event.button !== 0) return; // the secondary button opens menus through contextMenu
      if (!readOnly && tool !== 'select' && tool !== 'link') {
        ctx.go(creating(ctx, event, tool), { cursor: 'crosshair' });
        return;
      }
      const hit = editor.hitTest(event.point);
      const additive = event.shift || event.mod;
      if (hit.type === 'handle') {
        if (hit.handle === 'link') {
          ctx.go(linking(ctx, event, hit.itemId), { cursor: 'crosshair' });
          return;
        }
        const next = resizing(ctx, event, hit.itemId, hit.handle);
        if (next) ctx.go(next, { cursor: handleCursor(hit.handle) });
        return;
      }
      if (hit.type === 'item') {
        if (tool === 'link' && !readOnly) {
          ctx.go(linking(ctx, event, hit.itemId), { cursor: 'crosshair' });
          return;
        }
        if (additive) editor.toggleSelected(hit.itemId);
        else if (!selection.includes(hit.itemId)) editor.select([hit.itemId]);
        ctx.go(pointingItem(ctx, event, hit.itemId));
        return;
      }
      if (hit.type === 'link') {
        editor.selectLink(hit.linkId);
        return;
      }
      if (!additive) editor.clearSelection();
      // One finger on empty canvas pans, as in every map app; a mouse draws a marquee.
      if (event.pointerType === 'touch') ctx.go(panning(ctx, event), { cursor: 'grab' });
      else ctx.go(marquee(ctx, event, additive));
    },
    pointerMove(event: ToolPointer) {
      if (event.pointerType === 'touch') return;
      const hit = event.space ? null : editor.hitTest(event.point);
      ctx.show({
        cursor: hit?.type === 'handle' ? handleCursor(hit.handle) : restingCursor(editor, event.space),
      });
    },
  };
}

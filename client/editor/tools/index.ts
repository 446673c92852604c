/**
 * The tool machine: the canvas feeds it pointer events in board coordinates, it runs one
 * state at a time (see the files beside this one) and calls the editor. Touch pointers are
 * counted here, because a second finger turns whatever one finger was doing into a pinch.
 *
 *   const tools = createToolMachine(editor, { openItemMenu, setTimeout, clearTimeout });
 *   tools.pointerDown(pointer); tools.pointerMove(pointer); tools.pointerUp(pointer);
 *   editor.interaction.get(); // what to draw meanwhile
 */
import type { Point } from '../../../shared/geometry';
import type { Editor } from '../editor';
import { restingCursor, type ToolContext, type ToolState } from './context';
import { idle } from './idle';
import { pinching } from './pinching';
import type { Interaction, ToolHost, ToolMachine, ToolPointer } from './types';
import { applyWheel } from './wheel';

/** Creates the machine for an editor; `dispose()` it with the canvas. */
export function createToolMachine(editor: Editor, host: ToolHost): ToolMachine {
  const touches = new Map<number, Point>();
  let space = false;
  const ctx: ToolContext = {
    editor,
    host,
    go(state, patch = {}) {
      current = state;
      ctx.show({
        drag: null,
        resize: null,
        marquee: null,
        linkDraft: null,
        state: state.name,
        cursor: restingCursor(editor, space),
        ...patch,
      });
    },
    idle: () => ctx.go(resting),
    abort() {
      const running = current;
      current = resting;
      running.cancel?.();
      ctx.idle();
    },
    show(patch) {
      const before = editor.interaction.get();
      const changed = (Object.keys(patch) as (keyof Interaction)[]).some((key) => patch[key] !== before[key]);
      if (changed) editor.interaction.set({ ...before, ...patch });
    },
  };
  const resting = idle(ctx);
  let current: ToolState = resting;
  ctx.idle();
  // The cursor follows the tool when it changes from the toolbar or a shortcut.
  const unsubscribe = editor.subscribe(() => {
    if (current === resting) ctx.show({ cursor: restingCursor(editor, space) });
  });
  const owns = (event: ToolPointer) =>
    current.pointerId === undefined || current.pointerId === event.pointerId;

  return {
    pointerDown(event) {
      space = event.space;
      if (event.pointerType === 'touch') {
        touches.set(event.pointerId, event.screen);
        if (touches.size >= 2) {
          // A second finger: whatever the first was doing ends uncommitted and the pinch begins.
          if (current.name !== 'pinching' || touches.size === 2) {
            current.cancel?.();
            ctx.go(pinching(ctx, touches));
          }
          return;
        }
      }
      // A press from a pointer whose release we never heard of: drop that gesture and start again.
      if (current !== resting && current.pointerId === event.pointerId) ctx.abort();
      if (current === resting) current.pointerDown?.(event);
    },
    pointerMove(event) {
      space = event.space;
      if (event.pointerType === 'touch' && touches.has(event.pointerId))
        touches.set(event.pointerId, event.screen);
      if (owns(event)) current.pointerMove?.(event);
    },
    pointerUp(event) {
      if (event.pointerType === 'touch') touches.delete(event.pointerId);
      if (owns(event)) current.pointerUp?.(event);
    },
    pointerCancel(event) {
      touches.delete(event.pointerId);
      if (current !== resting && owns(event)) ctx.abort();
    },
    doubleClick(event) {
      const hit = editor.hitTest(event.point);
      if (hit.type === 'item' && !editor.getSnapshot().readOnly) editor.startEditing(hit.itemId);
    },
    contextMenu(event) {
      const hit = editor.hitTest(event.point);
      if (hit.type === 'item' || hit.type === 'handle') host.openItemMenu(hit.itemId, event.screen);
    },
    wheel(event) {
      applyWheel(editor, event);
    },
    cancel() {
      touches.clear();
      ctx.abort();
    },
    dispose() {
      ctx.abort();
      unsubscribe();
    },
  };
}

export type { Hit, Interaction, ToolHost, ToolMachine, ToolPointer, ToolWheel } from './types';

/**
 * TEMPORARY STAND-IN (helper "render") for what helper "tools" adds to the editor: the live
 * camera, the interaction store, hit-testing and the tool machine. It keeps today's gestures
 * working on the new renderer until their work is merged; then client/canvas/driver.ts uses
 * `editor.camera`, `editor.interaction` and `createToolMachine` and this file is deleted.
 */
import {
  distanceToSegment,
  linkSegment,
  rectFromPoints,
  type Point,
  type Rect,
} from '../../../shared/geometry';
import { itemsById } from '../../../shared/readBoard';
import type { BoardItem } from '../../../shared/schema';
import type { Editor } from '../../editor/editor';
import { createStore } from '../../editor/store';
import type {
  Hit,
  Interaction,
  ToolHost,
  ToolMachine,
  ToolPointer,
  ToolWheel,
} from '../../editor/tools/types';
import { panBy, zoomAt, type Viewport } from '../../editor/viewport';
import { itemDisplayBox } from '../paint/paintItem';
import { pinchViewport } from '../touchInput';
import { handleAt, selectionHandles } from './handles';

const IDLE: Interaction = {
  drag: null,
  resize: null,
  marquee: null,
  linkDraft: null,
  state: 'idle',
  cursor: 'default',
};
const COMMIT_MS = 120;
const LONG_PRESS_MS = 550;

type Gesture =
  | { type: 'idle' }
  | { type: 'pan'; last: Point }
  | { type: 'press'; ids: readonly string[]; start: Point; screen: Point }
  | { type: 'drag'; ids: readonly string[]; start: Point }
  | { type: 'marquee'; start: Point; additive: boolean }
  | { type: 'link'; from: string }
  | { type: 'resize'; id: string; handle: string; start: Point }
  | { type: 'pinch'; viewport: Viewport; mid: Point; distance: number };

const shown = (item: BoardItem): BoardItem => ({ ...item, ...itemDisplayBox(item) });

/** The stand-in driver: camera, interaction and tools over an editor. */
export function createStandinDriver(editor: Editor, host: ToolHost) {
  // The live camera: moves at once, reaches the snapshot at most every COMMIT_MS.
  const camera = createStore<Viewport>(editor.getSnapshot().viewport);
  let committed = camera.get();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const commitCamera = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    committed = camera.get();
    editor.setViewport(committed);
  };
  const moveCamera = (v: Viewport) => {
    camera.set(v);
    timer ??= setTimeout(commitCamera, COMMIT_MS);
  };
  const offEditor = editor.subscribe(() => {
    const v = editor.getSnapshot().viewport;
    if (v !== committed && !timer) {
      committed = v;
      camera.set(v);
    }
  });
  const interaction = createStore<Interaction>(IDLE);
  let gesture: Gesture = { type: 'idle' };
  let press: unknown = null;
  const touches = new Map<number, Point>();

  const hitTest = (p: Point): Hit => {
    const s = editor.getSnapshot();
    const zoom = camera.get().zoom;
    const byId = itemsById(s.board);
    const single = s.selection.length === 1 ? byId.get(s.selection[0] as string) : undefined;
    if (single && !s.readOnly && s.tool === 'select') {
      const spot = handleAt(selectionHandles(single, itemDisplayBox(single), zoom), p, 2 / zoom);
      if (spot) return { type: 'handle', itemId: spot.itemId, handle: spot.handle };
    }
    for (let i = s.board.items.length - 1; i >= 0; i--) {
      const item = s.board.items[i] as BoardItem;
      const box = itemDisplayBox(item);
      if (item.kind === 'boundary') {
        if (
          distanceToSegment(p, {
            a: { x: item.x, y: item.y },
            b: { x: item.x + item.w, y: item.y + item.h },
          }) <=
          8 / zoom
        )
          return { type: 'item', itemId: item.id };
      } else if (p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h) {
        return { type: 'item', itemId: item.id };
      }
    }
    for (const link of s.board.links) {
      const a = byId.get(link.from);
      const b = byId.get(link.to);
      const seg = a && b ? linkSegment(shown(a), shown(b)) : null;
      if (seg && distanceToSegment(p, seg) <= 8 / zoom) return { type: 'link', linkId: link.id };
    }
    return { type: 'none' };
  };

  const set = (patch: Partial<Interaction>) => interaction.set({ ...interaction.get(), ...patch });
  const stopPress = () => {
    if (press !== null) host.clearTimeout(press);
    press = null;
  };
  const end = () => {
    stopPress();
    if (gesture.type === 'pan' || gesture.type === 'pinch') commitCamera();
    gesture = { type: 'idle' };
    interaction.set(IDLE);
  };
  const pair = () => {
    const [a, b] = [...touches.values()];
    if (!a || !b) return null;
    return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  };

  const machine: ToolMachine = {
    pointerDown(e: ToolPointer) {
      if (e.pointerType === 'touch') {
        touches.set(e.pointerId, e.screen);
        const p = touches.size === 2 ? pair() : null;
        if (p) {
          end();
          gesture = { type: 'pinch', viewport: camera.get(), ...p };
          return;
        }
      }
      if (e.button === 2) return;
      if (e.button === 1 || e.space) {
        gesture = { type: 'pan', last: e.screen };
        return;
      }
      const s = editor.getSnapshot();
      if (s.tool !== 'select' && s.tool !== 'link' && !s.readOnly) {
        editor.createItem(s.tool, e.point);
        return;
      }
      const hit = hitTest(e.point);
      if (hit.type === 'handle') {
        gesture =
          hit.handle === 'link'
            ? { type: 'link', from: hit.itemId }
            : { type: 'resize', id: hit.itemId, handle: hit.handle, start: e.point };
      } else if (hit.type === 'item') {
        const id = hit.itemId;
        if (e.pointerType === 'touch')
          press = host.setTimeout(() => {
            press = null;
            end();
            host.openItemMenu(id, e.screen);
          }, LONG_PRESS_MS);
        if (s.tool === 'link' && !s.readOnly) {
          gesture = { type: 'link', from: id };
          return;
        }
        if (e.shift || e.mod) editor.toggleSelected(id);
        else if (!s.selection.includes(id)) editor.select([id]);
        const selection = editor.getSnapshot().selection;
        if (!s.readOnly && s.tool === 'select')
          gesture = {
            type: 'press',
            ids: selection.includes(id) ? selection : [id],
            start: e.point,
            screen: e.screen,
          };
      } else if (hit.type === 'link') {
        editor.selectLink(hit.linkId);
      } else {
        const additive = e.shift || e.mod;
        if (!additive) editor.clearSelection();
        gesture =
          e.pointerType === 'touch'
            ? { type: 'pan', last: e.screen }
            : { type: 'marquee', start: e.point, additive };
      }
    },
    pointerMove(e: ToolPointer) {
      if (e.pointerType === 'touch' && touches.has(e.pointerId)) touches.set(e.pointerId, e.screen);
      const g = gesture;
      if (g.type === 'pinch') {
        const p = pair();
        if (p) moveCamera(pinchViewport(g.viewport, g.mid, g.distance, p.mid, p.distance));
        return;
      }
      if (g.type === 'pan') {
        moveCamera(panBy(camera.get(), e.screen.x - g.last.x, e.screen.y - g.last.y));
        gesture = { type: 'pan', last: e.screen };
      } else if (g.type === 'press') {
        if (Math.hypot(e.screen.x - g.screen.x, e.screen.y - g.screen.y) < 3) return;
        stopPress();
        gesture = { type: 'drag', ids: g.ids, start: g.start };
        machine.pointerMove(e);
      } else if (g.type === 'drag') {
        set({
          drag: { ids: new Set(g.ids), dx: e.point.x - g.start.x, dy: e.point.y - g.start.y },
          state: 'dragging',
        });
      } else if (g.type === 'marquee') {
        set({ marquee: rectFromPoints(g.start, e.point), state: 'marquee' });
      } else if (g.type === 'link') {
        set({ linkDraft: { from: g.from, to: e.point }, state: 'linking' });
      } else if (g.type === 'resize') {
        const item = itemsById(editor.getSnapshot().board).get(g.id);
        if (item)
          set({
            resize: { id: g.id, box: resized(item, g.handle, e.point.x - g.start.x, e.point.y - g.start.y) },
          });
      }
    },
    pointerUp(e: ToolPointer) {
      touches.delete(e.pointerId);
      const g = gesture;
      const zoom = camera.get().zoom;
      const i = interaction.get();
      if (g.type === 'drag' && i.drag) editor.moveItems(g.ids, i.drag.dx, i.drag.dy);
      if (g.type === 'marquee' && i.marquee && i.marquee.w * zoom > 4 && i.marquee.h * zoom > 4)
        editor.selectInRect(i.marquee, g.additive);
      if (g.type === 'resize' && i.resize) editor.resizeItem(i.resize.id, i.resize.box);
      if (g.type === 'link') {
        const s = editor.getSnapshot();
        const target = [...s.board.items].reverse().find((item) => {
          const box = itemDisplayBox(item);
          const t = 6 / zoom;
          return (
            e.point.x >= box.x - t &&
            e.point.x <= box.x + box.w + t &&
            e.point.y >= box.y - t &&
            e.point.y <= box.y + box.h + t
          );
        });
        if (target && target.id !== g.from) editor.requestLink(g.from, target.id);
      }
      end();
    },
    pointerCancel(e: ToolPointer) {
      touches.delete(e.pointerId);
      end();
    },
    doubleClick(e: ToolPointer) {
      const hit = hitTest(e.point);
      if (hit.type === 'item' && !editor.getSnapshot().readOnly) editor.startEditing(hit.itemId);
    },
    contextMenu(e: ToolPointer) {
      const hit = hitTest(e.point);
      if (hit.type === 'item') host.openItemMenu(hit.itemId, e.screen);
    },
    wheel(e: ToolWheel) {
      const v = camera.get();
      if (e.mod) moveCamera(zoomAt(v, v.zoom * Math.exp(-e.deltaY * 0.01), e.screen));
      else if (e.shift) moveCamera(panBy(v, -e.deltaY, -e.deltaX));
      else moveCamera(panBy(v, -e.deltaX, -e.deltaY));
    },
    cancel: end,
    dispose() {
      stopPress();
      if (timer) clearTimeout(timer);
      offEditor();
    },
  };
  return { camera: { get: camera.get, subscribe: camera.subscribe }, interaction, machine };
}

function resized(item: BoardItem, handle: string, dx: number, dy: number): Rect {
  if (item.kind === 'boundary') {
    if (handle === 'start') return { x: item.x + dx, y: item.y + dy, w: item.w - dx, h: item.h - dy };
    return { x: item.x, y: item.y, w: item.w + dx, h: item.h + dy };
  }
  const box = itemDisplayBox(item);
  let left = box.x;
  let top = box.y;
  let right = box.x + box.w;
  let bottom = box.y + box.h;
  if (handle === 'nw' || handle === 'sw') left = Math.min(left + dx, right - 40);
  else right = Math.max(right + dx, left + 40);
  if (handle === 'nw' || handle === 'ne') top = Math.min(top + dy, bottom - 30);
  else bottom = Math.max(bottom + dy, top + 30);
  return {
    x: Math.round(left),
    y: Math.round(top),
    w: Math.round(right - left),
    h: Math.round(bottom - top),
  };
}

/**
 * A headless canvas for the tool tests: a real Y.Doc, a real editor, the machine, a host with
 * timers the test advances by hand, and pointer helpers that map board points to the screen
 * through the live camera the way the canvas does.
 */
import * as Y from 'yjs';
import type { Point } from '../../../shared/geometry';
import type { ItemKind } from '../../../shared/itemKinds';
import { initBoardDoc } from '../../../shared/ydoc';
import { createEditor } from '../editor';
import { boardToScreen, screenToBoard } from '../viewport';
import { createToolMachine } from './index';
import type { ToolPointer, ToolWheel } from './types';

type PointerOptions = Partial<Omit<ToolPointer, 'point' | 'screen'>>;

/** Sets up a 1000 × 800 canvas with the board origin in its middle at 100 %. */
export function toolHarness(options: { readOnly?: boolean } = {}) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Tools', language: 'en' });
  const editor = createEditor({ doc, userId: 'alice' });
  editor.resizeViewport(1000, 800);
  let now = 0;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let nextHandle = 1;
  const menus: { itemId: string; screen: Point }[] = [];
  const tools = createToolMachine(editor, {
    openItemMenu: (itemId, screen) => menus.push({ itemId, screen }),
    setTimeout(callback, ms) {
      const handle = nextHandle++;
      timers.push({ at: now + ms, callback, handle });
      return handle;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.handle !== handle);
    },
  });
  if (options.readOnly) editor.setReadOnly(true);

  const pointer = (point: Point, o: PointerOptions = {}): ToolPointer => ({
    point,
    screen: boardToScreen(editor.camera.get(), point),
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    shift: false,
    mod: false,
    space: false,
    time: now,
    ...o,
  });
  const atScreen = (screen: Point, o: PointerOptions = {}): ToolPointer => ({
    ...pointer(screenToBoard(editor.camera.get(), screen), o),
    screen,
  });

  return {
    doc,
    editor,
    tools,
    menus,
    pointer,
    atScreen,
    /** An item of `kind` with its top-left corner at (x, y), nothing selected or being edited afterwards. */
    add(kind: ItemKind, x: number, y: number, fields: Record<string, unknown> = {}): string {
      const id = editor.createItem(kind, undefined, { x, y, ...fields }) as string;
      editor.stopEditing();
      editor.clearSelection();
      return id;
    },
    item: (id: string) => editor.getSnapshot().board.items.find((i) => i.id === id),
    /** A press, moves through `path` and a release, all in board points. */
    drag(path: Point[], o: PointerOptions = {}) {
      const [first, ...rest] = path as [Point, ...Point[]];
      tools.pointerDown(pointer(first, o));
      for (const p of rest) tools.pointerMove(pointer(p, o));
      tools.pointerUp(pointer(rest.at(-1) ?? first, o));
    },
    click(p: Point, o: PointerOptions = {}) {
      tools.pointerDown(pointer(p, o));
      tools.pointerUp(pointer(p, o));
    },
    wheel(w: Partial<ToolWheel>) {
      tools.wheel({ screen: { x: 500, y: 400 }, deltaX: 0, deltaY: 0, mod: false, shift: false, ...w });
    },
    /** Moves the fake clock, running the timers that come due. */
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.callback());
    },
    interaction: () => editor.interaction.get(),
  };
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemBounds } from '../../shared/geometry';
import { initBoardDoc } from '../../shared/ydoc';
import { createEditor, type EditorOptions } from './editor';
import { selectionHandles } from './tools/handles';

function setup(options: Partial<EditorOptions> = {}) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Queries', language: 'en' });
  const editor = createEditor({ doc, userId: 'alice', ...options });
  editor.resizeViewport(1000, 800);
  const add = (
    kind: 'note' | 'frame' | 'smallWin',
    x: number,
    y: number,
    fields: Record<string, unknown> = {},
  ) => {
    const id = editor.createItem(kind, undefined, { x, y, ...fields }) as string;
    editor.stopEditing();
    editor.clearSelection();
    return id;
  };
  return { editor, add };
}

describe('editor queries', () => {
  it('lists items in a rect and on screen, in z-order, following the live camera', () => {
    const { editor, add } = setup();
    const frame = add('frame', -100, -100);
    const a = add('note', 0, 0);
    const far = add('note', 3000, 0);
    expect(editor.itemsInRect({ x: 10, y: 10, w: 5, h: 5 }).map((i) => i.id)).toEqual([frame, a]);
    expect(editor.visibleItems().map((i) => i.id)).toEqual([frame, a]);
    editor.moveCamera({ ...editor.camera.get(), offsetX: -2600 });
    expect(editor.visibleItems().map((i) => i.id)).toEqual([far]);
    expect(editor.visibleItems(3000).map((i) => i.id)).toEqual([frame, a, far]);
  });

  it('hit-tests with the display box it is given and tells handles, items, links and frames apart', () => {
    const { editor, add } = setup({ boxOf: (item) => ({ ...itemBounds(item), h: item.h + 100 }) });
    const frame = add('frame', -200, -200, { w: 2000, h: 1000 });
    const win = add('smallWin', 0, 0);
    const other = add('smallWin', 800, 0);
    editor.requestLink(win, other);
    editor.link(win, other, 'spreads');
    const link = editor.getSnapshot().board.links[0]?.id;
    // The box grew by 100: (10, 200) is on the card, not the frame.
    expect(editor.hitTest({ x: 10, y: 200 })).toEqual({ type: 'item', itemId: win });
    expect(editor.hitTest({ x: 500, y: 110 })).toEqual({ type: 'link', linkId: link });
    expect(editor.hitTest({ x: 500, y: 500 })).toEqual({ type: 'item', itemId: frame });
    expect(editor.hitTest({ x: 5000, y: 500 })).toEqual({ type: 'none' });
    editor.select([win]);
    expect(editor.hitTest({ x: 260, y: 220 })).toEqual({ type: 'handle', itemId: win, handle: 'se' });
    // Handles keep their screen size: at 50 % they reach twice as far on the board.
    editor.zoomAt(0.5, { x: 500, y: 400 });
    expect(editor.hitTest({ x: 260 + 20, y: 220 + 20 })).toEqual({
      type: 'handle',
      itemId: win,
      handle: 'se',
    });
    expect(editor.handles()).toEqual(
      selectionHandles(editor.getSnapshot().board.items[1], editor.displayBox(win), 0.5),
    );
  });

  it('marquee-selects frames only when wholly inside', () => {
    const { editor, add } = setup();
    const frame = add('frame', 0, 0);
    const a = add('note', 100, 100);
    editor.selectInRect({ x: 50, y: 50, w: 300, h: 300 });
    expect(editor.getSnapshot().selection).toEqual([a]);
    editor.selectInRect({ x: -10, y: -10, w: 700, h: 500 });
    expect(editor.getSnapshot().selection).toEqual([frame, a]);
  });
});

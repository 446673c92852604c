import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../../shared/ydoc';
import { readBoard } from '../../shared/readBoard';
import { createEditor, LOCKED_ITEM_NOTICE } from './editor';

function setup() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Locks', language: 'en' });
  const editor = createEditor({ doc, userId: 'piet' });
  const id = editor.createItem('note', { x: 100, y: 100 }) as string;
  editor.stopEditing();
  return { doc, editor, id };
}

const item = (doc: Y.Doc, id: string) => readBoard(doc).items.find((i) => i.id === id);

describe('item locks in the editor', () => {
  it('refuses a participant’s move, resize, text, delete and reorder of a locked item with a notice', () => {
    const { doc, editor, id } = setup();
    const before = item(doc, id);
    editor.setLockedItems(new Set([id]), true);
    editor.select([id]);
    editor.moveSelection(40, 0);
    expect(editor.getSnapshot().notice).toBe(LOCKED_ITEM_NOTICE);
    editor.resizeItem(id, { x: 0, y: 0, w: 300, h: 300 });
    editor.setText(id, 'changed');
    expect(editor.startEditing(id)).toBeNull();
    editor.bringToFront();
    editor.deleteSelection();
    expect(item(doc, id)).toEqual(before);
  });

  it('lets the facilitator (not enforced) and everyone after unlocking change the item', () => {
    const { doc, editor, id } = setup();
    const x = item(doc, id)!.x;
    editor.setLockedItems(new Set([id]), false);
    editor.moveItems([id], 10, 0);
    expect(item(doc, id)?.x).toBe(x + 10);
    editor.setLockedItems(new Set(), true);
    editor.moveItems([id], 10, 0);
    expect(item(doc, id)?.x).toBe(x + 20);
  });

  it('closes the text field when the item being typed in gets locked', () => {
    const { editor, id } = setup();
    editor.startEditing(id);
    editor.setLockedItems(new Set([id]), true);
    expect(editor.getSnapshot().editingId).toBeNull();
  });
});

describe('camera moves for follow-me', () => {
  it('counts the person’s own pans and zooms, not the camera moved for them', () => {
    const { editor } = setup();
    const start = editor.ownCameraMoves();
    editor.followViewport({ ...editor.getSnapshot().viewport, offsetX: 500 });
    expect(editor.ownCameraMoves()).toBe(start);
    expect(editor.getSnapshot().viewport.offsetX).toBe(500);
    editor.panBy(10, 0);
    editor.zoomBy(2);
    editor.setViewport(editor.getSnapshot().viewport);
    expect(editor.ownCameraMoves()).toBe(start + 3);
  });
});

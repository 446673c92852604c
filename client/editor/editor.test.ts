import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../../shared/ydoc';
import { createEditor } from './editor';

function setup() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Editor', language: 'nl' });
  return { doc, editor: createEditor({ doc, userId: 'alice' }) };
}

describe('editor', () => {
  it('creates an item centred on a point, selects it and opens its text', () => {
    const { editor } = setup();
    const id = editor.createItem('smallWin', { x: 500, y: 300 });
    const snap = editor.getSnapshot();
    expect(snap.board.items[0]).toMatchObject({ id, x: 370, y: 240, kind: 'smallWin', createdBy: 'alice' });
    expect(snap.selection).toEqual([id]);
    expect(snap.editingId).toBe(id);
    expect(snap.language).toBe('nl');
  });

  it('puts new frames behind everything and other items on top', () => {
    const { editor } = setup();
    const note = editor.createItem('note');
    const frame = editor.createItem('frame');
    const win = editor.createItem('smallWin');
    expect(editor.getSnapshot().board.items.map((i) => i.id)).toEqual([frame, note, win]);
    if (win) editor.select([win]);
    editor.sendToBack();
    expect(editor.getSnapshot().board.items[0]?.id).toBe(win);
    editor.bringToFront();
    expect(editor.getSnapshot().board.items.at(-1)?.id).toBe(win);
  });

  it('undoes only its own user’s changes, one step per command', () => {
    const { doc, editor } = setup();
    const bob = createEditor({ doc, userId: 'bob' });
    const a = editor.createItem('note', { x: 0, y: 0 }) as string;
    const b = bob.createItem('note', { x: 0, y: 0 }) as string;
    editor.select([a, b]);
    editor.moveSelection(40, 0);
    bob.select([b]);
    bob.moveSelection(0, 40);
    editor.undo(); // alice's move of both
    const items = () => Object.fromEntries(editor.getSnapshot().board.items.map((i) => [i.id, [i.x, i.y]]));
    expect(items()[a]).toEqual([-100, -80]);
    expect(items()[b]).toEqual([-100, -40]); // bob's move stays
    editor.undo(); // alice's creation
    expect(items()[a]).toBeUndefined();
    expect(items()[b]).toBeDefined();
    editor.redo();
    expect(items()[a]).toEqual([-100, -80]);
  });

  it('links directly when one kind fits, asks when several do, and refuses what never fits', () => {
    const { editor } = setup();
    const amb = editor.createItem('ambition') as string;
    const w1 = editor.createItem('smallWin') as string;
    const w2 = editor.createItem('smallWin') as string;
    const note = editor.createItem('note') as string;
    editor.requestLink(amb, w1); // drawn backwards: still contributes from the win
    expect(editor.getSnapshot().board.links).toMatchObject([{ kind: 'contributes', from: w1, to: amb }]);
    editor.requestLink(w1, w2);
    expect(editor.getSnapshot().pendingLink).toEqual({
      from: w1,
      to: w2,
      kinds: ['spreads', 'broadens', 'deepens', 'enables'],
    });
    editor.link(w1, w2, 'deepens', 'in de wet');
    expect(editor.getSnapshot().pendingLink).toBeNull();
    editor.requestLink(note, w1);
    expect(editor.getSnapshot().notice).toBe('no-link:note:smallWin');
    expect(editor.getSnapshot().board.links).toHaveLength(2);
  });

  it('deletes a selection with its links, and drops it from the selection', () => {
    const { editor } = setup();
    const amb = editor.createItem('ambition') as string;
    const win = editor.createItem('smallWin') as string;
    editor.requestLink(win, amb);
    editor.select([win]);
    editor.deleteSelection();
    const snap = editor.getSnapshot();
    expect(snap.board.items.map((i) => i.id)).toEqual([amb]);
    expect(snap.board.links).toEqual([]);
    expect(snap.selection).toEqual([]);
  });

  it('copies and pastes a selection with its inner links under new ids', () => {
    const { editor } = setup();
    const amb = editor.createItem('ambition', { x: 0, y: 0 }) as string;
    const win = editor.createItem('smallWin', { x: 400, y: 0 }) as string;
    editor.setText(win, 'Stuwtjes');
    editor.requestLink(win, amb);
    editor.select([amb, win]);
    const text = editor.copySelection() as string;
    expect(editor.paste(text)).toBe(true);
    const snap = editor.getSnapshot();
    expect(snap.board.items).toHaveLength(4);
    expect(snap.board.links).toHaveLength(2);
    expect(snap.selection).toHaveLength(2);
    expect(snap.selection).not.toContain(win);
    expect(snap.board.items.filter((i) => i.text === 'Stuwtjes')).toHaveLength(2);
    expect(editor.paste('not ours')).toBe(false);
    editor.undo();
    expect(editor.getSnapshot().board.items).toHaveLength(2);
  });

  it('forgets a selection of items someone else deleted', () => {
    const { doc, editor } = setup();
    const bob = createEditor({ doc, userId: 'bob' });
    const id = editor.createItem('note') as string;
    bob.select([id]);
    bob.deleteSelection();
    expect(editor.getSnapshot().selection).toEqual([]);
    expect(editor.getSnapshot().editingId).toBeNull();
  });

  it('changes nothing when read-only', () => {
    const { doc, editor } = setup();
    const id = editor.createItem('note') as string;
    const viewer = createEditor({ doc, userId: 'v', readOnly: true });
    viewer.select([id]);
    viewer.deleteSelection();
    viewer.moveSelection(10, 10);
    expect(viewer.createItem('note')).toBeUndefined();
    expect(viewer.startEditing(id)).toBeNull();
    expect(editor.getSnapshot().board.items).toHaveLength(1);
  });

  it('turns a refused command into a notice instead of an exception', () => {
    const { editor } = setup();
    const id = editor.createItem('note') as string;
    editor.resizeItem(id, { x: 0, y: 0, w: 1, h: 1 });
    expect(editor.getSnapshot().notice).toMatch(/at least/);
  });

  it('hears a resize to the size it already has as nothing (the canvas reports its first size twice)', () => {
    const { editor } = setup();
    editor.resizeViewport(1000, 800);
    editor.resizeViewport(900, 700);
    const before = editor.getSnapshot();
    editor.resizeViewport(900, 700);
    expect(editor.getSnapshot()).toBe(before);
    editor.resizeViewport(901, 700);
    expect(editor.getSnapshot().viewport.width).toBe(901);
  });

  it('zooms to fit the board and focuses an item', () => {
    const { editor } = setup();
    editor.resizeViewport(1000, 800);
    editor.createItem('note', { x: -2000, y: 0 });
    const far = editor.createItem('note', { x: 3000, y: 1000 }) as string;
    editor.zoomToFit();
    expect(editor.getSnapshot().viewport.zoom).toBeLessThan(0.25);
    editor.focusItem(far);
    const v = editor.getSnapshot().viewport;
    expect(v.zoom).toBe(1);
    expect(v.offsetX + 3000 * v.zoom).toBeCloseTo(500);
    expect(editor.getSnapshot().selection).toEqual([far]);
  });
});

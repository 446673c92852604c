import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../../shared/ydoc';
import { createEditor } from '../editor/editor';
import { installAutomation, reportDrawn, type Automation } from './automation';

// The unit project runs in Node: the page's window is globalThis, with no canvases in it.
function surface(): Automation | undefined {
  return (globalThis as unknown as { __olievlek?: Automation }).__olievlek;
}

function setup() {
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('document', { querySelector: () => null, querySelectorAll: () => [] });
  const doc = new Y.Doc();
  initBoardDoc(doc, { schemaVersion: 1, title: 'Automation', language: 'en' });
  const editor = createEditor({ doc, userId: 'bench' });
  return { editor, uninstall: installAutomation(editor) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('automation surface', () => {
  it('is ready only after the renderer reports its first draw, and keeps that first time', () => {
    const { uninstall } = setup();
    expect(surface()?.ready).toBe(false);
    expect(surface()?.tDrawn).toBeNull();
    reportDrawn();
    const first = surface()?.tDrawn;
    expect(surface()?.ready).toBe(true);
    expect(first).toBeTypeOf('number');
    reportDrawn();
    expect(surface()?.tDrawn).toBe(first);
    uninstall();
    expect(surface()).toBeUndefined();
  });

  it('moves the camera by screen pixels and finds items on screen', () => {
    const { editor, uninstall } = setup();
    const id = editor.createItem('note', { x: 100, y: 100 }) as string;
    const item = editor.getSnapshot().board.items[0]!;
    const before = editor.camera.get();
    surface()?.panBy(30, -20);
    const after = editor.camera.get();
    expect([after.offsetX - before.offsetX, after.offsetY - before.offsetY]).toEqual([30, -20]);
    expect(surface()?.pointOf(id)).toEqual({
      x: (item.x + item.w / 2) * after.zoom + after.offsetX,
      y: (item.y + item.h / 2) * after.zoom + after.offsetY,
    });
    expect(surface()?.pointOf('missing')).toBeNull();
    uninstall();
  });
});

import { describe, expect, it } from 'vitest';
import { toolHarness } from './harness';

describe('selecting with the tools', () => {
  it('selects an item on press, clears on a plain click on empty canvas', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.click({ x: 50, y: 50 });
    expect(t.editor.getSnapshot().selection).toEqual([a]);
    expect(t.interaction().state).toBe('idle');
    t.click({ x: 500, y: 500 });
    expect(t.editor.getSnapshot().selection).toEqual([]);
  });

  it('toggles with shift or ctrl/meta and picks the topmost item', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    const b = t.add('note', 100, 100);
    t.click({ x: 150, y: 150 });
    expect(t.editor.getSnapshot().selection).toEqual([b]);
    t.click({ x: 20, y: 20 }, { shift: true });
    expect(t.editor.getSnapshot().selection).toEqual([b, a]);
    t.click({ x: 150, y: 150 }, { mod: true });
    expect(t.editor.getSnapshot().selection).toEqual([a]);
  });

  it('selects a link near its line, and an item before the link', () => {
    const t = toolHarness();
    const win = t.add('smallWin', 0, 0);
    const amb = t.add('ambition', 600, 0);
    t.editor.requestLink(win, amb);
    const link = t.editor.getSnapshot().board.links[0]?.id;
    t.click({ x: 430, y: 70 });
    expect(t.editor.getSnapshot().selectedLink).toBe(link);
    t.click({ x: 255, y: 62 });
    expect(t.editor.getSnapshot().selection).toEqual([win]);
  });

  it('draws a marquee and selects what it touches, additively with shift', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    const b = t.add('note', 400, 0);
    const c = t.add('note', 800, 0);
    t.tools.pointerDown(t.pointer({ x: -50, y: -50 }));
    t.tools.pointerMove(t.pointer({ x: 250, y: 50 }));
    expect(t.interaction()).toMatchObject({ state: 'marquee', marquee: { x: -50, y: -50, w: 300, h: 100 } });
    t.tools.pointerUp(t.pointer({ x: 250, y: 50 }));
    expect(t.editor.getSnapshot().selection).toEqual([a]);
    expect(t.interaction().marquee).toBeNull();
    t.drag(
      [
        { x: 750, y: -50 },
        { x: 1100, y: 300 },
      ],
      { shift: true },
    );
    expect(t.editor.getSnapshot().selection).toEqual([a, c]);
    t.drag([
      { x: 350, y: -50 },
      { x: 700, y: 300 },
    ]);
    expect(t.editor.getSnapshot().selection).toEqual([b]);
  });

  it('treats a marquee of 4 screen pixels or less as a click', () => {
    const t = toolHarness();
    t.add('note', 0, 0);
    t.drag([
      { x: -10, y: -10 },
      { x: 20, y: -6 },
    ]);
    expect(t.editor.getSnapshot().selection).toEqual([]);
  });

  it('opens the text on double click, the menu on right click or context menu', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.tools.doubleClick(t.pointer({ x: 10, y: 10 }));
    expect(t.editor.getSnapshot().editingId).toBe(a);
    t.tools.contextMenu(t.pointer({ x: 10, y: 10 }));
    expect(t.menus).toEqual([{ itemId: a, screen: { x: 510, y: 410 } }]);
    t.tools.contextMenu(t.pointer({ x: -300, y: 10 }));
    expect(t.menus).toHaveLength(1);
  });

  it('read-only: selects, marquees and pans, but never moves, creates, links, resizes or edits', () => {
    const t = toolHarness();
    const a = t.add('smallWin', 0, 0);
    const b = t.add('ambition', 600, 0);
    t.editor.setReadOnly(true);
    t.editor.setTool('note');
    t.click({ x: -300, y: 300 });
    expect(t.editor.getSnapshot().board.items).toHaveLength(2);
    t.drag([
      { x: 10, y: 10 },
      { x: 100, y: 100 },
    ]);
    expect(t.editor.getSnapshot().selection).toEqual([a]);
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    // No handles: the corner and the link handle are plain canvas or item.
    expect(t.editor.hitTest({ x: 278, y: 60 })).toEqual({ type: 'none' });
    t.drag([
      { x: 260, y: 120 },
      { x: 400, y: 300 },
    ]);
    expect(t.item(a)).toMatchObject({ w: 260, h: 120 });
    t.tools.doubleClick(t.pointer({ x: 10, y: 10 }));
    expect(t.editor.getSnapshot().editingId).toBeNull();
    t.drag([
      { x: -100, y: -100 },
      { x: 1000, y: 200 },
    ]);
    expect(t.editor.getSnapshot().selection).toEqual([a, b]);
    t.drag(
      [
        { x: 2000, y: 2000 },
        { x: 2100, y: 2000 },
      ],
      { button: 1 },
    );
    expect(t.editor.getSnapshot().viewport.offsetX).toBe(600);
    expect(t.editor.getSnapshot().board.links).toEqual([]);
  });
});

describe('the cursor', () => {
  it('is grab with space, a crosshair for placing tools, a resize arrow over a corner, else default', () => {
    const t = toolHarness();
    t.add('note', 0, 0);
    t.tools.pointerMove(t.pointer({ x: 10, y: 10 }));
    expect(t.interaction().cursor).toBe('default');
    t.tools.pointerMove(t.pointer({ x: 10, y: 10 }, { space: true }));
    expect(t.interaction().cursor).toBe('grab');
    t.editor.setTool('smallWin');
    t.tools.pointerMove(t.pointer({ x: 10, y: 10 }));
    expect(t.interaction().cursor).toBe('crosshair');
    t.editor.setTool('select');
    expect(t.interaction().cursor).toBe('default');
    t.click({ x: 10, y: 10 });
    t.tools.pointerMove(t.pointer({ x: 200, y: 0 }));
    expect(t.interaction().cursor).toBe('nesw-resize');
  });
});

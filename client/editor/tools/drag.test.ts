import { describe, expect, it } from 'vitest';
import { toolHarness } from './harness';

describe('dragging with the tools', () => {
  it('moves nothing within 3 screen pixels, and the selection beyond, once on release', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    const b = t.add('note', 300, 0);
    t.drag([
      { x: 10, y: 10 },
      { x: 12, y: 12 },
    ]);
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    t.editor.select([a, b]);
    let writes = 0;
    t.doc.on('update', () => writes++);
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }));
    t.tools.pointerMove(t.pointer({ x: 30, y: 20 }));
    t.tools.pointerMove(t.pointer({ x: 50.4, y: 29.6 }));
    const drag = t.interaction().drag;
    expect(t.interaction().state).toBe('dragging');
    expect(drag && [...drag.ids]).toEqual([a, b]);
    expect(drag).toMatchObject({ dx: 40.4, dy: 19.6 });
    expect(writes).toBe(0);
    t.tools.pointerUp(t.pointer({ x: 50.4, y: 29.6 }));
    expect(writes).toBe(1);
    expect(t.item(a)).toMatchObject({ x: 40, y: 20 });
    expect(t.item(b)).toMatchObject({ x: 340, y: 20 });
    expect(t.interaction()).toMatchObject({ drag: null, state: 'idle' });
  });

  it('measures the threshold in screen pixels, whatever the zoom', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.editor.zoomAt(4, { x: 500, y: 400 });
    t.drag([
      { x: 10, y: 10 },
      { x: 10.5, y: 10.5 },
    ]);
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    t.drag([
      { x: 10, y: 10 },
      { x: 11, y: 10 },
    ]);
    expect(t.item(a)).toMatchObject({ x: 1, y: 0 });
  });

  it('drags an item shift-pressed out of the selection alone, and selects it', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    const b = t.add('note', 300, 0);
    t.editor.select([a, b]);
    t.drag(
      [
        { x: 10, y: 10 },
        { x: 110, y: 10 },
      ],
      { shift: true },
    );
    expect(t.item(a)).toMatchObject({ x: 100 });
    expect(t.item(b)).toMatchObject({ x: 300 });
    expect(t.editor.getSnapshot().selection).toEqual([a]);
  });

  it('ends a drag on cancel or Escape without moving anything', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }));
    t.tools.pointerMove(t.pointer({ x: 100, y: 100 }));
    t.tools.cancel();
    expect(t.interaction()).toMatchObject({ drag: null, state: 'idle' });
    t.tools.pointerUp(t.pointer({ x: 100, y: 100 }));
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }));
    t.tools.pointerMove(t.pointer({ x: 100, y: 100 }));
    t.tools.pointerCancel(t.pointer({ x: 100, y: 100 }));
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    expect(t.interaction().state).toBe('idle');
  });

  it('lets the editor refuse moving a locked item', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.editor.setLockedItems(new Set([a]), true);
    t.drag([
      { x: 10, y: 10 },
      { x: 100, y: 10 },
    ]);
    expect(t.item(a)).toMatchObject({ x: 0 });
    expect(t.editor.getSnapshot().notice).toBe('locked-item');
  });
});

describe('resizing with the tools', () => {
  it('resizes a card by a corner, never below the smallest size', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.click({ x: 10, y: 10 });
    expect(t.editor.hitTest({ x: 203, y: 158 })).toEqual({ type: 'handle', itemId: a, handle: 'se' });
    t.tools.pointerMove(t.pointer({ x: 203, y: 158 }));
    expect(t.interaction().cursor).toBe('nwse-resize');
    t.tools.pointerDown(t.pointer({ x: 203, y: 158 }));
    t.tools.pointerMove(t.pointer({ x: 303, y: 208 }));
    expect(t.interaction()).toMatchObject({
      state: 'resizing',
      resize: { id: a, box: { x: 0, y: 0, w: 300, h: 210 } },
    });
    t.tools.pointerUp(t.pointer({ x: 303.4, y: 208 }));
    expect(t.item(a)).toMatchObject({ x: 0, y: 0, w: 300, h: 210 });
    t.drag([
      { x: 0, y: 0 },
      { x: 500, y: 500 },
    ]);
    expect(t.item(a)).toMatchObject({ x: 280, y: 190, w: 20, h: 20 });
  });

  it('moves one end of a boundary marker and keeps the other', () => {
    const t = toolHarness();
    const line = t.add('boundary', 0, 0, { w: 400, h: 0 });
    t.click({ x: 200, y: 2 });
    expect(t.editor.getSnapshot().selection).toEqual([line]);
    t.drag([
      { x: 400, y: 0 },
      { x: 300, y: 300 },
    ]);
    expect(t.item(line)).toMatchObject({ x: 0, y: 0, w: 300, h: 300 });
    t.drag([
      { x: 0, y: 0 },
      { x: 100, y: -100 },
    ]);
    expect(t.item(line)).toMatchObject({ x: 100, y: -100, w: 200, h: 400 });
  });

  it('cancels a resize without writing', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.click({ x: 10, y: 10 });
    t.tools.pointerDown(t.pointer({ x: 200, y: 160 }));
    t.tools.pointerMove(t.pointer({ x: 400, y: 400 }));
    t.tools.cancel();
    t.tools.pointerUp(t.pointer({ x: 400, y: 400 }));
    expect(t.item(a)).toMatchObject({ w: 200, h: 160 });
    expect(t.interaction().resize).toBeNull();
  });
});

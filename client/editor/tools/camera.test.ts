import { afterEach, describe, expect, it, vi } from 'vitest';
import { toolHarness } from './harness';

afterEach(() => {
  vi.useRealTimers();
});

describe('moving the camera with the tools', () => {
  it('pans with the middle button, and with space and the primary button, committing on release', () => {
    vi.useFakeTimers();
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    const start = t.editor.ownCameraMoves();
    t.tools.pointerDown(t.atScreen({ x: 510, y: 410 }, { button: 1 }));
    t.tools.pointerMove(t.atScreen({ x: 560, y: 430 }, { button: 1 }));
    expect(t.editor.camera.get()).toMatchObject({ offsetX: 550, offsetY: 420 });
    expect(t.editor.getSnapshot().viewport).toMatchObject({ offsetX: 500, offsetY: 400 });
    expect(t.interaction()).toMatchObject({ state: 'panning', cursor: 'grab' });
    t.tools.pointerUp(t.atScreen({ x: 560, y: 430 }, { button: 1 }));
    expect(t.editor.getSnapshot().viewport).toMatchObject({ offsetX: 550, offsetY: 420 });
    expect(t.editor.ownCameraMoves()).toBeGreaterThan(start);
    // Space turns the primary button into a pan even over an item, which stays put.
    t.tools.pointerDown(t.atScreen({ x: 560, y: 430 }, { space: true }));
    t.tools.pointerMove(t.atScreen({ x: 460, y: 430 }, { space: true }));
    t.tools.pointerUp(t.atScreen({ x: 460, y: 430 }, { space: true }));
    expect(t.editor.getSnapshot().viewport).toMatchObject({ offsetX: 450, offsetY: 420 });
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    expect(t.editor.getSnapshot().selection).toEqual([]);
  });

  it('pans with one finger on empty canvas and clears the selection', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.editor.select([a]);
    const touch = { pointerType: 'touch' as const, pointerId: 7 };
    t.tools.pointerDown(t.atScreen({ x: 100, y: 100 }, touch));
    t.tools.pointerMove(t.atScreen({ x: 130, y: 60 }, touch));
    t.tools.pointerUp(t.atScreen({ x: 130, y: 60 }, touch));
    expect(t.editor.getSnapshot().viewport).toMatchObject({ offsetX: 530, offsetY: 360 });
    expect(t.editor.getSnapshot().selection).toEqual([]);
  });

  it('lets the snapshot trail a running pan by at most 120 ms', () => {
    vi.useFakeTimers();
    const t = toolHarness();
    let renders = 0;
    t.editor.subscribe(() => renders++);
    t.tools.pointerDown(t.atScreen({ x: 0, y: 0 }, { button: 1 }));
    for (let i = 1; i <= 10; i++) {
      t.tools.pointerMove(t.atScreen({ x: i * 10, y: 0 }, { button: 1 }));
      vi.advanceTimersByTime(16);
    }
    // 160 ms of moves reached the snapshot once, with where the camera was then.
    expect(renders).toBe(1);
    expect(t.editor.getSnapshot().viewport.offsetX).toBe(580);
    expect(t.editor.camera.get().offsetX).toBe(600);
    vi.advanceTimersByTime(120);
    expect(t.editor.getSnapshot().viewport.offsetX).toBe(600);
    t.tools.pointerUp(t.atScreen({ x: 100, y: 0 }, { button: 1 }));
    expect(renders).toBe(2);
  });

  it('keeps discrete camera calls and following in step with the live camera', () => {
    vi.useFakeTimers();
    const t = toolHarness();
    t.wheel({ deltaX: 30, deltaY: 40 });
    expect(t.editor.camera.get()).toMatchObject({ offsetX: 470, offsetY: 360 });
    t.editor.panBy(10, 0);
    expect(t.editor.getSnapshot().viewport).toMatchObject({ offsetX: 480, offsetY: 360 });
    expect(t.editor.camera.get()).toBe(t.editor.getSnapshot().viewport);
    const moves = t.editor.ownCameraMoves();
    t.editor.followViewport({ ...t.editor.getSnapshot().viewport, offsetX: 0 });
    expect(t.editor.camera.get().offsetX).toBe(0);
    expect(t.editor.ownCameraMoves()).toBe(moves);
    vi.advanceTimersByTime(500);
    expect(t.editor.getSnapshot().viewport.offsetX).toBe(0);
  });

  it('zooms with ctrl+wheel around the pointer and pans sideways with shift+wheel', () => {
    const t = toolHarness();
    t.wheel({ deltaY: -50, mod: true, screen: { x: 700, y: 500 } });
    const v = t.editor.camera.get();
    expect(v.zoom).toBeCloseTo(Math.exp(0.5));
    // The board point under the pointer (200, 100) stays under it.
    expect(200 * v.zoom + v.offsetX).toBeCloseTo(700);
    expect(100 * v.zoom + v.offsetY).toBeCloseTo(500);
    t.wheel({ deltaY: 20, deltaX: 5, shift: true });
    expect(t.editor.camera.get().offsetX).toBeCloseTo(v.offsetX - 20);
    expect(t.editor.camera.get().offsetY).toBeCloseTo(v.offsetY - 5);
    t.editor.commitCamera();
    expect(t.editor.getSnapshot().viewport).toBe(t.editor.camera.get());
  });

  it('pinches: zooms around the fingers’ midpoint and pans with it, cancelling a drag', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    const one = { pointerType: 'touch' as const, pointerId: 1 };
    const two = { pointerType: 'touch' as const, pointerId: 2 };
    t.tools.pointerDown(t.atScreen({ x: 510, y: 410 }, one));
    t.tools.pointerMove(t.atScreen({ x: 530, y: 410 }, one));
    expect(t.interaction().state).toBe('dragging');
    t.tools.pointerDown(t.atScreen({ x: 630, y: 410 }, two));
    expect(t.interaction()).toMatchObject({ state: 'pinching', drag: null });
    // Midpoint (580, 410), distance 100 → fingers apart to 200 and the midpoint moves 20 right.
    t.tools.pointerMove(t.atScreen({ x: 500, y: 410 }, one));
    t.tools.pointerMove(t.atScreen({ x: 700, y: 410 }, two));
    const v = t.editor.camera.get();
    expect(v.zoom).toBeCloseTo(2);
    // The board point under the first midpoint, (80, 10), is under the new midpoint (600, 410).
    expect(80 * v.zoom + v.offsetX).toBeCloseTo(600);
    expect(10 * v.zoom + v.offsetY).toBeCloseTo(410);
    t.tools.pointerUp(t.atScreen({ x: 700, y: 410 }, two));
    expect(t.editor.getSnapshot().viewport).toBe(v);
    // The finger left behind neither pans nor drags.
    t.tools.pointerMove(t.atScreen({ x: 300, y: 300 }, one));
    t.tools.pointerUp(t.atScreen({ x: 300, y: 300 }, one));
    expect(t.editor.camera.get()).toBe(v);
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
    expect(t.interaction().state).toBe('idle');
  });

  it('pinch cancels a marquee without selecting', () => {
    const t = toolHarness();
    t.add('note', 0, 0);
    t.tools.pointerDown(t.pointer({ x: -50, y: -50 }, { pointerType: 'pen', pointerId: 3 }));
    t.tools.pointerMove(t.pointer({ x: 300, y: 300 }, { pointerType: 'pen', pointerId: 3 }));
    expect(t.interaction().marquee).not.toBeNull();
    t.tools.pointerDown(t.atScreen({ x: 100, y: 100 }, { pointerType: 'touch', pointerId: 4 }));
    t.tools.pointerDown(t.atScreen({ x: 200, y: 100 }, { pointerType: 'touch', pointerId: 5 }));
    expect(t.interaction()).toMatchObject({ state: 'pinching', marquee: null });
    t.tools.pointerUp(t.pointer({ x: 300, y: 300 }, { pointerType: 'pen', pointerId: 3 }));
    expect(t.editor.getSnapshot().selection).toEqual([]);
  });
});

describe('long press', () => {
  const touch = { pointerType: 'touch' as const, pointerId: 9 };

  it('opens the item menu after 550 ms held within 10 px, ending the drag uncommitted', () => {
    const t = toolHarness();
    const a = t.add('note', 0, 0);
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }, touch));
    t.tools.pointerMove(t.pointer({ x: 16, y: 10 }, touch));
    expect(t.interaction().state).toBe('dragging');
    t.advance(549);
    expect(t.menus).toEqual([]);
    t.advance(1);
    expect(t.menus).toEqual([{ itemId: a, screen: { x: 510, y: 410 } }]);
    expect(t.interaction()).toMatchObject({ state: 'idle', drag: null });
    t.tools.pointerUp(t.pointer({ x: 16, y: 10 }, touch));
    expect(t.item(a)).toMatchObject({ x: 0, y: 0 });
  });

  it('does not fire when the finger wanders or lifts, nor for a mouse', () => {
    const t = toolHarness();
    t.add('note', 0, 0);
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }, touch));
    t.tools.pointerMove(t.pointer({ x: 21, y: 10 }, touch));
    t.advance(600);
    t.tools.pointerUp(t.pointer({ x: 21, y: 10 }, touch));
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }, touch));
    t.tools.pointerUp(t.pointer({ x: 10, y: 10 }, touch));
    t.advance(600);
    t.tools.pointerDown(t.pointer({ x: 10, y: 10 }));
    t.advance(600);
    expect(t.menus).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { onScreen } from './onScreen';

describe('onScreen', () => {
  const viewport = { offsetX: -1000, offsetY: 0, zoom: 0.5, width: 800, height: 600 };

  it('keeps rectangles in view or within the margin and drops the rest', () => {
    // The screen shows board x 2000..3600, y 0..1200.
    expect(onScreen(viewport, { x: 2500, y: 100, w: 100, h: 100 })).toBe(true);
    expect(onScreen(viewport, { x: 3650, y: 100, w: 100, h: 100 }, 40)).toBe(true);
    expect(onScreen(viewport, { x: 3800, y: 100, w: 100, h: 100 }, 40)).toBe(false);
    expect(onScreen(viewport, { x: 0, y: 0, w: 100, h: 100 })).toBe(false);
  });

  it('drops nothing before the stage has a size', () => {
    expect(onScreen({ ...viewport, width: 0, height: 0 }, { x: 0, y: 0, w: 1, h: 1 })).toBe(true);
  });
});

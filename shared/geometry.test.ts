import { describe, expect, it } from 'vitest';
import {
  boardBounds,
  distanceToSegment,
  hitTest,
  itemBounds,
  linkSegment,
  rectContains,
  rectsIntersect,
  segmentIntersection,
  topItemAt,
} from './geometry';
import type { BoardItem } from './schema';

const common = { text: '', index: 'a0', createdBy: '', createdAt: 0 };
const box = (id: string, x: number, y: number, w: number, h: number): BoardItem => ({
  ...common,
  id,
  kind: 'note',
  x,
  y,
  w,
  h,
});
const line = (id: string, x: number, y: number, w: number, h: number): BoardItem => ({
  ...common,
  id,
  kind: 'boundary',
  x,
  y,
  w,
  h,
  boundaryType: 'social',
  dimension: 'sphere',
});

describe('bounds', () => {
  it('of a box is the box, of a marker the rectangle of its line', () => {
    expect(itemBounds(box('a', 1, 2, 3, 4))).toEqual({ x: 1, y: 2, w: 3, h: 4 });
    expect(itemBounds(line('b', 100, 100, -50, 20))).toEqual({ x: 50, y: 100, w: 50, h: 20 });
  });

  it('of a board holds every item; none for an empty board', () => {
    expect(boardBounds([box('a', 0, 0, 10, 10), line('b', 100, 50, -300, -100)])).toEqual({
      x: -200,
      y: -50,
      w: 300,
      h: 100,
    });
    expect(boardBounds([])).toBeNull();
  });

  it('intersect when touching, contain with shared edges', () => {
    expect(rectsIntersect({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 10, w: 5, h: 5 })).toBe(true);
    expect(rectsIntersect({ x: 0, y: 0, w: 10, h: 10 }, { x: 10.1, y: 0, w: 5, h: 5 })).toBe(false);
    expect(rectContains({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 10, h: 10 })).toBe(true);
    expect(rectContains({ x: 0, y: 0, w: 10, h: 10 }, { x: 1, y: 1, w: 10, h: 1 })).toBe(false);
  });
});

describe('hit test', () => {
  it('hits inside a box and near a marker line only', () => {
    expect(hitTest(box('a', 0, 0, 10, 10), { x: 10, y: 5 })).toBe(true);
    expect(hitTest(box('a', 0, 0, 10, 10), { x: 12, y: 5 })).toBe(false);
    expect(hitTest(box('a', 0, 0, 10, 10), { x: 12, y: 5 }, 3)).toBe(true);
    expect(hitTest(line('b', 0, 0, 100, 100), { x: 50, y: 52 }, 2)).toBe(true);
    expect(hitTest(line('b', 0, 0, 100, 100), { x: 50, y: 60 }, 2)).toBe(false);
  });

  it('finds the topmost item under a point', () => {
    const items = [box('bottom', 0, 0, 100, 100), box('top', 50, 50, 100, 100)];
    expect(topItemAt(items, { x: 60, y: 60 })?.id).toBe('top');
    expect(topItemAt(items, { x: 10, y: 10 })?.id).toBe('bottom');
    expect(topItemAt(items, { x: 500, y: 500 })).toBeUndefined();
  });

  it('measures distance to a segment, including its ends and a degenerate one', () => {
    expect(distanceToSegment({ x: 5, y: 5 }, { a: { x: 0, y: 0 }, b: { x: 10, y: 0 } })).toBe(5);
    expect(distanceToSegment({ x: 13, y: 4 }, { a: { x: 0, y: 0 }, b: { x: 10, y: 0 } })).toBe(5);
    expect(distanceToSegment({ x: 3, y: 4 }, { a: { x: 0, y: 0 }, b: { x: 0, y: 0 } })).toBe(5);
  });
});

describe('segmentIntersection', () => {
  const p = (x: number, y: number) => ({ x, y });

  it('finds a crossing point', () => {
    expect(segmentIntersection(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).toEqual({ x: 5, y: 5 });
  });

  it('misses segments that would meet only when extended', () => {
    expect(segmentIntersection(p(0, 0), p(4, 4), p(0, 10), p(10, 0))).toBeNull();
  });

  it('counts a touching end point', () => {
    expect(segmentIntersection(p(0, 0), p(5, 5), p(5, 5), p(10, 0))).toEqual({ x: 5, y: 5 });
    expect(segmentIntersection(p(0, 5), p(10, 5), p(5, 5), p(5, 20))).toEqual({ x: 5, y: 5 });
  });

  it('handles parallel and collinear segments', () => {
    expect(segmentIntersection(p(0, 0), p(10, 0), p(0, 1), p(10, 1))).toBeNull();
    expect(segmentIntersection(p(0, 0), p(10, 0), p(5, 0), p(20, 0))).toEqual({ x: 5, y: 0 });
    expect(segmentIntersection(p(0, 0), p(10, 0), p(11, 0), p(20, 0))).toBeNull();
  });

  it('works at board scale without false positives', () => {
    expect(segmentIntersection(p(-1e6, 0), p(1e6, 1), p(0, 10), p(1, 20))).toBeNull();
    expect(segmentIntersection(p(-1e6, -1e6), p(1e6, 1e6), p(-1e6, 1e6), p(1e6, -1e6))).toEqual({
      x: 0,
      y: 0,
    });
  });
});

describe('linkSegment', () => {
  it('runs from border to border on the line between centres', () => {
    const seg = linkSegment(box('a', 0, 0, 100, 50), box('b', 300, 0, 100, 50));
    expect(seg).toEqual({ a: { x: 100, y: 25 }, b: { x: 300, y: 25 } });
  });

  it('leaves through the nearer side on a diagonal', () => {
    const seg = linkSegment(box('a', 0, 0, 100, 100), box('b', 200, 400, 100, 100));
    expect(seg?.a.y).toBeCloseTo(100);
    expect(seg?.a.x).toBeCloseTo(75);
    expect(seg?.b.y).toBeCloseTo(400);
    expect(seg?.b.x).toBeCloseTo(225);
  });

  it('is null for overlapping items', () => {
    expect(linkSegment(box('a', 0, 0, 100, 100), box('b', 50, 50, 100, 100))).toBeNull();
    expect(linkSegment(box('a', 0, 0, 100, 100), box('b', 0, 0, 100, 100))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../shared/geometry';
import type { BoardLink } from '../../../shared/links/link';
import type { BoardReadModel } from '../../../shared/readBoard';
import type { BoardItem } from '../../../shared/schema';
import { dirtyRects, mergeRects, union } from './dirty';
import type { SceneOptions } from './scene';

// Frames keep their stored height, so their display box needs no text measuring.
const frame = (id: string, x: number, y: number): BoardItem =>
  ({ id, kind: 'frame', x, y, w: 100, h: 80, index: id, text: '' }) as unknown as BoardItem;
const board = (items: BoardItem[], links: BoardLink[] = []): BoardReadModel =>
  ({ meta: {}, items, links, votes: [], problems: [] }) as unknown as BoardReadModel;
const options: SceneOptions = {
  language: 'en',
  detail: 'full',
  captions: 'all',
  highlight: null,
  selectedLink: null,
  badges: new Map(),
  locked: new Set(),
  hidden: new Set(),
};
const covers = (rects: readonly Rect[], x: number, y: number) =>
  rects.some((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);

describe('dirtyRects', () => {
  const a = frame('a', 0, 0);
  const b = frame('b', 1000, 0);

  it('is empty when nothing changed', () => {
    const before = board([a, b]);
    expect(dirtyRects({ board: before, options }, { board: board([a, b]), options })).toEqual([]);
  });

  it('covers the old and new place of a moved item, and nothing near an unchanged one', () => {
    const moved = { ...a, x: 300 } as BoardItem;
    const rects = dirtyRects({ board: board([a, b]), options }, { board: board([moved, b]), options });
    expect(covers(rects, 50, 40)).toBe(true);
    expect(covers(rects, 350, 40)).toBe(true);
    expect(covers(rects, 1050, 40)).toBe(false);
  });

  it('covers a link whose end moved, and items that were hidden for a drag', () => {
    const link = { id: 'l', kind: 'contributesTo', from: 'a', to: 'b' } as unknown as BoardLink;
    const moved = { ...b, y: 400 } as BoardItem;
    const rects = dirtyRects(
      { board: board([a, b], [link]), options },
      { board: board([a, moved], [link]), options },
    );
    expect(covers(rects, 500, 40)).toBe(true);
    const hidden = dirtyRects(
      { board: board([a, b]), options },
      { board: board([a, b]), options: { ...options, hidden: new Set(['b']) } },
    );
    expect(covers(hidden, 1050, 40)).toBe(true);
    expect(covers(hidden, 50, 40)).toBe(false);
  });
});

describe('mergeRects', () => {
  it('joins overlapping rectangles and keeps apart ones apart', () => {
    const merged = mergeRects([
      { x: 0, y: 0, w: 10, h: 10 },
      { x: 5, y: 5, w: 10, h: 10 },
      { x: 100, y: 100, w: 1, h: 1 },
    ]);
    expect(merged).toEqual([
      { x: 0, y: 0, w: 15, h: 15 },
      { x: 100, y: 100, w: 1, h: 1 },
    ]);
    expect(union({ x: 0, y: 0, w: 1, h: 1 }, { x: 2, y: 3, w: 1, h: 1 })).toEqual({ x: 0, y: 0, w: 3, h: 4 });
  });
});

import { describe, expect, it } from 'vitest';
import { createBoardIndex } from './boardIndex';
import {
  distanceToSegment,
  itemBounds,
  linkSegment,
  rectsIntersect,
  topItemAt,
  type Point,
  type Rect,
} from './geometry';
import type { BoardLink } from './links/link';
import type { BoardReadModel } from './readBoard';
import type { BoardItem } from './schema';
import { createSpatialIndex } from './spatialIndex';

const common = { text: '', index: 'a0', createdBy: '', createdAt: 0 };
const note = (id: string, x: number, y: number, w: number, h: number): BoardItem => ({
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
const link = (id: string, from: string, to: string): BoardLink =>
  ({ id, kind: 'spreads', from, to }) as BoardLink;
const board = (items: BoardItem[], links: BoardLink[] = []): BoardReadModel => ({
  meta: {} as BoardReadModel['meta'],
  items,
  links,
  votes: [],
  problems: [],
});

/** A seeded generator, so a failing run can be repeated. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

describe('spatial index', () => {
  it('finds boxes touching a rectangle, forgets deleted ones and keeps huge ones', () => {
    const index = createSpatialIndex();
    index.set('a', { x: 0, y: 0, w: 10, h: 10 });
    index.set('b', { x: 2000, y: 2000, w: 10, h: 10 });
    index.set('huge', { x: -1e6, y: -1e6, w: 2e6, h: 2e6 });
    expect(index.search({ x: 5, y: 5, w: 1, h: 1 }).sort()).toEqual(['a', 'huge']);
    index.set('a', { x: 3000, y: 3000, w: 10, h: 10 });
    expect(index.search({ x: 5, y: 5, w: 1, h: 1 })).toEqual(['huge']);
    index.delete('huge');
    expect(index.search({ x: -1e7, y: -1e7, w: 2e7, h: 2e7 }).sort()).toEqual(['a', 'b']);
    expect(index.size).toBe(2);
  });

  it('agrees with a linear scan on random boards and random edits', () => {
    const rand = random(7);
    const coord = () => (rand() - 0.5) * 8000;
    const boxes = new Map<string, Rect>();
    const index = createSpatialIndex();
    for (let round = 0; round < 400; round++) {
      const id = `i${Math.floor(rand() * 300)}`;
      if (rand() < 0.2) {
        boxes.delete(id);
        index.delete(id);
      } else {
        const big = rand() < 0.02;
        const box = { x: coord(), y: coord(), w: rand() * (big ? 300000 : 600), h: rand() * 400 };
        boxes.set(id, box);
        index.set(id, box);
      }
      const query = { x: coord(), y: coord(), w: rand() * 3000, h: rand() * 3000 };
      const expected = [...boxes].filter(([, b]) => rectsIntersect(query, b)).map(([k]) => k);
      expect(index.search(query).sort()).toEqual(expected.sort());
    }
  });
});

describe('board index', () => {
  it('answers items in a rect in z-order and the topmost item at a point', () => {
    const items = [
      note('under', 0, 0, 400, 400),
      note('over', 100, 100, 200, 100),
      line('edge', 0, 600, 400, 0),
    ];
    const index = createBoardIndex();
    index.sync(board(items));
    expect(index.itemsInRect({ x: 150, y: 150, w: 10, h: 10 }).map((i) => i.id)).toEqual(['under', 'over']);
    expect(index.topItemAt({ x: 150, y: 150 }, 0)?.id).toBe('over');
    expect(index.topItemAt({ x: 350, y: 350 }, 0)?.id).toBe('under');
    expect(index.topItemAt({ x: 200, y: 604 }, 6)?.id).toBe('edge');
    expect(index.topItemAt({ x: 200, y: 610 }, 6)).toBeUndefined();
    expect(index.topItemAt({ x: 404, y: 200 }, 6)?.id).toBe('under');
  });

  it('uses the display box it is given', () => {
    const index = createBoardIndex((item) => ({ ...itemBounds(item), h: item.h * 2 }));
    index.sync(board([note('a', 0, 0, 100, 100)]));
    expect(index.topItemAt({ x: 50, y: 150 }, 0)?.id).toBe('a');
    expect(index.boxOf('a')).toEqual({ x: 0, y: 0, w: 100, h: 200 });
  });

  it('finds links near a point and follows their items when they move', () => {
    const a = note('a', 0, 0, 100, 100);
    const b = note('b', 400, 0, 100, 100);
    const index = createBoardIndex();
    index.sync(board([a, b], [link('l', 'a', 'b')]));
    expect(index.linksAt({ x: 250, y: 53 }, 6).map((l) => l.id)).toEqual(['l']);
    expect(index.linksAt({ x: 250, y: 70 }, 6)).toEqual([]);
    index.sync(board([a, { ...b, y: 300 }], [link('l', 'a', 'b')]));
    expect(index.linksAt({ x: 250, y: 53 }, 6)).toEqual([]);
    expect(index.linksAt({ x: 250, y: 200 }, 6).map((l) => l.id)).toEqual(['l']);
    index.sync(board([a], []));
    expect(index.linksAt({ x: 250, y: 200 }, 6)).toEqual([]);
  });

  it('agrees with the linear scan across incremental syncs', () => {
    const rand = random(42);
    const coord = () => Math.round((rand() - 0.5) * 6000);
    const make = (id: string): BoardItem =>
      rand() < 0.15
        ? line(id, coord(), coord(), coord() / 4, coord() / 4)
        : note(id, coord(), coord(), 20 + Math.round(rand() * 300), 20 + Math.round(rand() * 200));
    let items = Array.from({ length: 300 }, (_, i) => make(`i${i}`));
    let links: BoardLink[] = [];
    const index = createBoardIndex();
    for (let round = 0; round < 30; round++) {
      // Edit a few items (new objects), drop some, add some, and reshuffle the z-order a little.
      items = items
        .filter(() => rand() > 0.03)
        .map((item) => (rand() < 0.1 ? { ...make(item.id) } : item))
        .concat(Array.from({ length: 5 }, (_, i) => make(`r${round}-${i}`)));
      if (rand() < 0.5) items.reverse();
      const ids = items.map((item) => item.id);
      links = Array.from({ length: 60 }, (_, i) => {
        const from = ids[Math.floor(rand() * ids.length)] as string;
        const to = ids[Math.floor(rand() * ids.length)] as string;
        return link(`l${i}`, from, to);
      }).filter((l) => l.from !== l.to);
      index.sync(board(items, links));
      for (let q = 0; q < 30; q++) {
        const rect = { x: coord(), y: coord(), w: rand() * 2000, h: rand() * 2000 };
        expect(index.itemsInRect(rect).map((i) => i.id)).toEqual(
          items.filter((item) => rectsIntersect(rect, itemBounds(item))).map((i) => i.id),
        );
        const p: Point = { x: coord() / 2, y: coord() / 2 };
        expect(index.topItemAt(p, 6)?.id).toBe(topItemAt(items, p, 6)?.id);
        const byId = new Map(items.map((item) => [item.id, item]));
        const near = links.filter((l) => {
          const s = linkSegment(byId.get(l.from) as BoardItem, byId.get(l.to) as BoardItem);
          return s !== null && distanceToSegment(p, s) <= 200;
        });
        expect(
          index
            .linksAt(p, 200)
            .map((l) => l.id)
            .sort(),
        ).toEqual(near.map((l) => l.id).sort());
      }
    }
  });
});

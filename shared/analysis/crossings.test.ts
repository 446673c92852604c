import { describe, expect, it } from 'vitest';
import { segmentIntersection } from '../geometry';
import type { BoardLink } from '../links/link';
import { itemsById } from '../readBoard';
import { crossingSegment, linkCrossings, pathBoundaries } from './crossings';
import { findPaths } from './paths';
import { ambition, link, marker, testBoard, win, type TestItem } from './testBoards';

// Two cards on a row: the link runs border to border from (200, 50) to (400, 50).
const pair = [win('a', { at: [0, 0] }), win('b', { at: [400, 0] })];
const crossed = (markers: TestItem[]) =>
  linkCrossings(testBoard([...pair, ...markers], [link('spreads', 'a', 'b')]));

describe('linkCrossings', () => {
  it('finds a marker whose line cuts the link', () => {
    expect(crossed([marker('m', [300, 0], [300, 100])])).toEqual([{ linkId: 'a>b', markerIds: ['m'] }]);
  });

  it('counts a marker whose end point touches the link', () => {
    expect(crossed([marker('m', [300, 50], [300, 200])])).toEqual([{ linkId: 'a>b', markerIds: ['m'] }]);
    expect(crossed([marker('m', [300, 200], [300, 50])])).toEqual([{ linkId: 'a>b', markerIds: ['m'] }]);
  });

  it('counts a marker touching the link at its end point on a card border', () => {
    expect(crossed([marker('m', [200, 50], [150, 300])])).toEqual([{ linkId: 'a>b', markerIds: ['m'] }]);
  });

  it('misses a marker that stops just short of the link', () => {
    expect(crossed([marker('m', [300, 50.01], [300, 200])])).toEqual([]);
  });

  it('misses a marker between the centres but inside a card, where no link is drawn', () => {
    expect(crossed([marker('m', [150, 0], [150, 100])])).toEqual([]);
  });

  it('joins the centres of overlapping cards, which have no border-to-border segment', () => {
    const board = testBoard(
      [win('a', { at: [0, 0] }), win('b', { at: [100, 0] }), marker('m', [150, 0], [150, 100])],
      [link('spreads', 'a', 'b')],
    );
    const items = itemsById(board);
    expect(crossingSegment(items.get('a')!, items.get('b')!)).toEqual({
      a: { x: 100, y: 50 },
      b: { x: 200, y: 50 },
    });
    expect(linkCrossings(board)).toEqual([{ linkId: 'a>b', markerIds: ['m'] }]);
  });

  it('reports links of every kind, each marker once, sorted by id', () => {
    const actor: TestItem = { id: 'act', kind: 'actor', x: 0, y: 400, w: 200, h: 100, sphere: 'public' };
    const board = testBoard(
      [...pair, actor, marker('z', [300, 0], [300, 100]), marker('h', [0, 250], [300, 250])],
      [link('spreads', 'a', 'b'), link('involves', 'a', 'act')],
    );
    expect(linkCrossings(board)).toEqual([
      { linkId: 'a>act', markerIds: ['h'] },
      { linkId: 'a>b', markerIds: ['z'] },
    ]);
  });

  it('agrees with testing every link against every marker, on a random board', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Coordinates on a coarse lattice, so level, upright and end-to-end touching lines are common.
    const point = (): [number, number] => [Math.round(random() * 16) * 250, Math.round(random() * 12) * 250];
    const wins = Array.from({ length: 80 }, (_, i) => win(`w${i}`, { at: point() }));
    const markers = Array.from({ length: 150 }, (_, i) => {
      const a = point();
      return marker(`m${i}`, a, random() < 0.2 ? [a[0], a[1] + 300] : point());
    });
    const links: BoardLink[] = Array.from({ length: 400 }, (_, i) =>
      link('enables', `w${i % 80}`, `w${(i * 7 + 3) % 80}`, `l${i}`),
    ).filter((l) => l.from !== l.to);
    const board = testBoard([...wins, ...markers], links);
    const items = itemsById(board);
    const expected = board.links.flatMap((l) => {
      const segment = crossingSegment(items.get(l.from)!, items.get(l.to)!);
      const markerIds = board.items
        .filter((m) => m.kind === 'boundary')
        .filter((m) =>
          segmentIntersection(segment.a, segment.b, { x: m.x, y: m.y }, { x: m.x + m.w, y: m.y + m.h }),
        )
        .map((m) => m.id)
        .sort();
      return markerIds.length > 0 ? [{ linkId: l.id, markerIds }] : [];
    });
    expect(expected.length).toBeGreaterThan(20);
    expect(linkCrossings(board)).toEqual(expected);
  });
});

describe('pathBoundaries', () => {
  const board = testBoard(
    [
      win('a', { at: [0, 0] }),
      win('b', { at: [400, 0] }),
      win('c', { at: [800, 0] }),
      win('d', { at: [0, 600] }),
      ambition('goal', [1200, 0]),
      marker('m-social', [300, -50], [300, 150], 'social', 'sphere'),
      marker('m-cognitive', [1100, -50], [1100, 150], 'cognitive', 'discipline'),
    ],
    [
      link('spreads', 'a', 'b'),
      link('deepens', 'b', 'c'),
      link('contributes', 'c', 'goal'),
      link('contributes', 'd', 'goal'),
    ],
  );

  it('lists the markers a path crosses with their type, dimension and crossing links', () => {
    const [path] = findPaths(board).paths;
    expect(path?.winIds).toEqual(['a', 'b', 'c']);
    expect(pathBoundaries(board, path!)).toEqual({
      markers: [
        {
          markerId: 'm-cognitive',
          boundaryType: 'cognitive',
          dimension: 'discipline',
          linkIds: ['c>goal'],
        },
        { markerId: 'm-social', boundaryType: 'social', dimension: 'sphere', linkIds: ['a>b'] },
      ],
      boundaryTypes: ['cognitive', 'social'],
      dimensions: ['discipline', 'sphere'],
      crossesNone: false,
    });
  });

  it('flags a path that crosses no marker', () => {
    const path = findPaths(board).paths[1];
    expect(path?.winIds).toEqual(['d']);
    expect(pathBoundaries(board, path!)).toEqual({
      markers: [],
      boundaryTypes: [],
      dimensions: [],
      crossesNone: true,
    });
  });
});

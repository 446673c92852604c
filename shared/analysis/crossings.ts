/**
 * Boundaries crossed (DOMAIN.md "Analyses", grenzenwerk): a link crosses a boundary marker when
 * the segment it is drawn along meets the marker's line; touching an end point counts, since a
 * marker drawn up to a link is meant to cut it.
 *
 * The segment is the one the canvas draws, from border to border (`linkSegment`). When the two
 * items overlap there is no such segment; then the centres are joined instead, so two
 * overlapping cards on either side of a marker still count as crossing it (the group put them
 * across the boundary; dropping the crossing would hide that).
 *
 *   const crossings = linkCrossings(board);   // [{ linkId: 'l2', markerIds: ['bm-domein'] }]
 *   pathBoundaries(board, path).crossesNone;  // true: the path stays inside one configuration
 */
import { itemBounds, linkSegment, rectCenter, type Segment } from '../geometry';
import type { Boundary, BoundaryDimension, BoundaryType } from '../kinds/boundary';
import { itemsById, type BoardReadModel } from '../readBoard';
import type { BoardItem } from '../schema';
import { compareIndex } from '../zOrder';
import { createBoundaryIndex } from './boundaryIndex';
import type { BoardPath } from './paths';

/** The markers one link crosses. */
export interface LinkCrossing {
  readonly linkId: string;
  /** Sorted by id; never empty. */
  readonly markerIds: readonly string[];
}

/** A marker a path crosses, with what it separates and the path's links that cross it. */
export interface CrossedMarker {
  readonly markerId: string;
  readonly boundaryType: BoundaryType;
  readonly dimension: BoundaryDimension;
  /** In path order. */
  readonly linkIds: readonly string[];
}

/** The boundaries one path crosses. */
export interface PathBoundaries {
  /** Sorted by marker id. */
  readonly markers: readonly CrossedMarker[];
  /** The distinct types and dimensions crossed, sorted, for "crosses 2 social boundaries" summaries. */
  readonly boundaryTypes: readonly BoundaryType[];
  readonly dimensions: readonly BoundaryDimension[];
  /** True when the path crosses no marker: it stays inside one configuration. */
  readonly crossesNone: boolean;
}

interface CrossingIndex {
  readonly list: readonly LinkCrossing[];
  readonly byLink: ReadonlyMap<string, readonly string[]>;
  readonly markers: ReadonlyMap<string, Boundary>;
}

const cache = new WeakMap<BoardReadModel, CrossingIndex>();

/** Every link (of any kind) that crosses at least one marker, sorted by link id. */
export function linkCrossings(board: BoardReadModel): readonly LinkCrossing[] {
  return crossingIndex(board).list;
}

/** The segment a link's crossings are measured on: border to border, else centre to centre. */
export function crossingSegment(from: BoardItem, to: BoardItem): Segment {
  return linkSegment(from, to) ?? { a: rectCenter(itemBounds(from)), b: rectCenter(itemBounds(to)) };
}

/** The markers a path's links cross, by marker, with the types and dimensions involved. */
export function pathBoundaries(board: BoardReadModel, path: BoardPath): PathBoundaries {
  const { byLink, markers } = crossingIndex(board);
  const crossed = new Map<string, string[]>();
  for (const linkId of path.linkIds) {
    for (const markerId of byLink.get(linkId) ?? []) {
      const links = crossed.get(markerId);
      if (links) links.push(linkId);
      else crossed.set(markerId, [linkId]);
    }
  }
  const list = [...crossed.entries()]
    .sort(([a], [b]) => compareIndex(a, b))
    .map(([markerId, linkIds]): CrossedMarker => {
      const marker = markers.get(markerId) as Boundary;
      const { boundaryType, dimension } = marker;
      return Object.freeze({ markerId, boundaryType, dimension, linkIds: Object.freeze(linkIds) });
    });
  return Object.freeze({
    markers: Object.freeze(list),
    boundaryTypes: Object.freeze(distinct(list.map((m) => m.boundaryType))),
    dimensions: Object.freeze(distinct(list.map((m) => m.dimension))),
    crossesNone: list.length === 0,
  });
}

function crossingIndex(board: BoardReadModel): CrossingIndex {
  let index = cache.get(board);
  if (!index) {
    const boundaries = board.items.filter((item): item is Boundary => item.kind === 'boundary');
    const grid = createBoundaryIndex(boundaries);
    const items = itemsById(board);
    const list: LinkCrossing[] = [];
    const byLink = new Map<string, readonly string[]>();
    // board.links is sorted by id, so the list needs no sorting.
    for (const link of board.links) {
      const from = items.get(link.from);
      const to = items.get(link.to);
      if (!from || !to) continue;
      const hits = grid.crossing(crossingSegment(from, to));
      if (hits.length === 0) continue;
      const markerIds = Object.freeze(hits.map((marker) => marker.id));
      list.push(Object.freeze({ linkId: link.id, markerIds }));
      byLink.set(link.id, markerIds);
    }
    index = { list: Object.freeze(list), byLink, markers: new Map(boundaries.map((b) => [b.id, b])) };
    cache.set(board, index);
  }
  return index;
}

function distinct<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort(compareIndex);
}

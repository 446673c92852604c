/**
 * A uniform grid over boundary markers, so testing thousands of links against many markers only
 * runs the exact segment test on markers whose cell and bounding box the link touches.
 *
 *   const index = createBoundaryIndex(markers);
 *   index.crossing(segment); // markers whose line the segment meets (touching counts), by id
 */
import { boundaryLine, EPSILON, segmentIntersection, type Point, type Segment } from '../geometry';
import type { Boundary } from '../kinds/boundary';
import { compareIndex } from '../zOrder';

/** Finds the markers a segment crosses. */
export interface BoundaryIndex {
  /** Markers whose line the segment meets, end points included, sorted by id. */
  crossing(segment: Segment): readonly Boundary[];
}

/** Enough cells that a marker's cell holds few others, few enough that a long link visits few. */
const MAX_CELLS_PER_SIDE = 64;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Builds the grid; markers are kept in id order so results need no sorting when few. */
export function createBoundaryIndex(markers: readonly Boundary[]): BoundaryIndex {
  const sorted = [...markers].sort((a, b) => compareIndex(a.id, b.id));
  const lines = sorted.map(boundaryLine);
  const boxes = lines.map((line) => boxOf(line, slackFor(line)));
  const all = boxes.reduce<Box | null>((acc, box) => (acc ? union(acc, box) : { ...box }), null);
  if (!all) return { crossing: () => [] };
  const side = Math.min(MAX_CELLS_PER_SIDE, Math.max(1, Math.ceil(Math.sqrt(sorted.length))));
  // A zero extent (all markers on one vertical line) still needs a positive cell size.
  const cellW = Math.max((all.maxX - all.minX) / side, EPSILON);
  const cellH = Math.max((all.maxY - all.minY) / side, EPSILON);
  const column = (x: number) => clampCell(Math.floor((x - all.minX) / cellW), side);
  const row = (y: number) => clampCell(Math.floor((y - all.minY) / cellH), side);
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  for (const [m, box] of boxes.entries()) {
    for (let r = row(box.minY); r <= row(box.maxY); r++)
      for (let c = column(box.minX); c <= column(box.maxX); c++) cells[r * side + c]?.push(m);
  }
  // Stamps instead of a Set per query: a marker in several cells is tested once.
  const stamp = new Int32Array(sorted.length);
  let query = 0;
  return {
    crossing(segment) {
      const box = boxOf(segment, slackFor(segment));
      if (box.maxX < all.minX || box.minX > all.maxX || box.maxY < all.minY || box.minY > all.maxY) return [];
      query++;
      const hits: number[] = [];
      // Only the cells along the segment, row by row: a long diagonal link over a 64 × 64 grid
      // visits about 128 cells, not the 4,096 of its bounding box.
      const slack = slackFor(segment);
      const { a, b } = segment;
      for (let r = row(box.minY); r <= row(box.maxY); r++) {
        const [x0, x1] = xRangeInBand(a, b, all.minY + r * cellH - slack, all.minY + (r + 1) * cellH + slack);
        for (let c = column(x0 - slack); c <= column(x1 + slack); c++) {
          for (const m of cells[r * side + c] ?? []) {
            if (stamp[m] === query) continue;
            stamp[m] = query;
            const other = boxes[m] as Box;
            if (
              other.maxX < box.minX ||
              other.minX > box.maxX ||
              other.maxY < box.minY ||
              other.minY > box.maxY
            )
              continue;
            const line = lines[m] as Segment;
            if (segmentIntersection(a, b, line.a, line.b)) hits.push(m);
          }
        }
      }
      return hits.sort((x, y) => x - y).map((m) => sorted[m] as Boundary);
    },
  };
}

/**
 * segmentIntersection accepts touches within a small fraction of the segments' lengths; the
 * boxes grow by more than that so the prefilter never drops a touch the exact test would keep.
 */
function slackFor(segment: Segment): number {
  const extent = Math.abs(segment.b.x - segment.a.x) + Math.abs(segment.b.y - segment.a.y);
  return 1e-5 * Math.max(1, extent);
}

/** The x extent of the part of segment ab with y in [y0, y1] (the whole segment when it is level). */
function xRangeInBand(a: Point, b: Point, y0: number, y1: number): [number, number] {
  const dy = b.y - a.y;
  if (dy === 0) return [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const t0 = Math.min(1, Math.max(0, (y0 - a.y) / dy));
  const t1 = Math.min(1, Math.max(0, (y1 - a.y) / dy));
  const xa = a.x + (b.x - a.x) * t0;
  const xb = a.x + (b.x - a.x) * t1;
  return [Math.min(xa, xb), Math.max(xa, xb)];
}

function boxOf(segment: Segment, slack: number): Box {
  return {
    minX: Math.min(segment.a.x, segment.b.x) - slack,
    minY: Math.min(segment.a.y, segment.b.y) - slack,
    maxX: Math.max(segment.a.x, segment.b.x) + slack,
    maxY: Math.max(segment.a.y, segment.b.y) + slack,
  };
}

function union(a: Box, b: Box): Box {
  a.minX = Math.min(a.minX, b.minX);
  a.minY = Math.min(a.minY, b.minY);
  a.maxX = Math.max(a.maxX, b.maxX);
  a.maxY = Math.max(a.maxY, b.maxY);
  return a;
}

function clampCell(cell: number, side: number): number {
  return Math.min(side - 1, Math.max(0, cell));
}

/**
 * Board geometry, pure and shared by canvas, analyses and the SVG renderer: bounds, hit
 * tests, segment intersection and where a link meets its items' borders.
 *
 *   const seg = linkSegment(from, to);                     // border to border
 *   const hit = segmentIntersection(seg.a, seg.b, p, q);   // null when they miss
 */
import { kindTraits } from './kinds/registry';
import type { BoardItem } from './schema';

/** A point in board units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle with non-negative width and height. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A line segment from `a` to `b`. */
export interface Segment {
  readonly a: Point;
  readonly b: Point;
}

/** Slack for comparisons on board coordinates, far below a pixel at any zoom people use. */
export const EPSILON = 1e-9;

/** A boundary marker's line; its stored w and h are the extent, possibly negative. */
export function boundaryLine(item: Pick<BoardItem, 'x' | 'y' | 'w' | 'h'>): Segment {
  return { a: { x: item.x, y: item.y }, b: { x: item.x + item.w, y: item.y + item.h } };
}

/** The smallest rectangle holding an item (for a boundary marker, its line). */
export function itemBounds(item: BoardItem): Rect {
  if (kindTraits(item.kind).shape === 'box') return { x: item.x, y: item.y, w: item.w, h: item.h };
  return rectFromPoints(item, { x: item.x + item.w, y: item.y + item.h });
}

/** The rectangle spanned by two corners in any order. */
export function rectFromPoints(p: Point, q: Point): Rect {
  return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), w: Math.abs(q.x - p.x), h: Math.abs(q.y - p.y) };
}

/** The rectangle holding every item, or null for an empty board. */
export function boardBounds(items: readonly BoardItem[]): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const item of items) {
    const r = itemBounds(item);
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** The centre of a rectangle. */
export function rectCenter(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** True when the rectangles overlap or touch. */
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** True when `inner` lies wholly inside `outer` (edges included). */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** `r` grown by `margin` on every side. */
export function inflateRect(r: Rect, margin: number): Rect {
  return { x: r.x - margin, y: r.y - margin, w: r.w + 2 * margin, h: r.h + 2 * margin };
}

/** Shortest distance from a point to a segment. */
export function distanceToSegment(p: Point, s: Segment): number {
  const dx = s.b.x - s.a.x;
  const dy = s.b.y - s.a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : clamp(((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / lengthSquared, 0, 1);
  return Math.hypot(p.x - (s.a.x + t * dx), p.y - (s.a.y + t * dy));
}

/** Whether a point hits an item: inside its box, or within `tolerance` of a marker's line. */
export function hitTest(item: BoardItem, p: Point, tolerance = 0): boolean {
  if (kindTraits(item.kind).shape === 'line') return distanceToSegment(p, boundaryLine(item)) <= tolerance;
  return rectContains(inflateRect(itemBounds(item), tolerance), { x: p.x, y: p.y, w: 0, h: 0 });
}

/** The topmost item under a point, given items in z-order (bottom first). */
export function topItemAt(items: readonly BoardItem[], p: Point, tolerance = 0): BoardItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item && hitTest(item, p, tolerance)) return item;
  }
  return undefined;
}

/**
 * Where two segments meet, or null. Touching counts: an end point on the other segment is
 * an intersection, and collinear overlapping segments return the first shared point.
 */
export function segmentIntersection(p1: Point, p2: Point, q1: Point, q2: Point): Point | null {
  const r = { x: p2.x - p1.x, y: p2.y - p1.y };
  const s = { x: q2.x - q1.x, y: q2.y - q1.y };
  const denominator = cross(r, s);
  const qp = { x: q1.x - p1.x, y: q1.y - p1.y };
  const scale = Math.max(1, Math.abs(r.x), Math.abs(r.y), Math.abs(s.x), Math.abs(s.y));
  const tolerance = EPSILON * scale * scale;
  if (Math.abs(denominator) <= tolerance) {
    if (Math.abs(cross(qp, r)) > tolerance) return null; // parallel, apart
    return collinearOverlap(p1, r, q1, q2);
  }
  const t = cross(qp, s) / denominator;
  const u = cross(qp, r) / denominator;
  const slack = EPSILON * 1e3;
  if (t < -slack || t > 1 + slack || u < -slack || u > 1 + slack) return null;
  return { x: p1.x + t * r.x, y: p1.y + t * r.y };
}

/**
 * The segment a link is drawn along: from the border of its source item to the border of
 * its target, on the line between their centres. Null when the items overlap so much that
 * no such segment exists (the link is then drawn centre to centre by the caller, if at all).
 */
export function linkSegment(from: BoardItem, to: BoardItem): Segment | null {
  const a = rectCenter(itemBounds(from));
  const b = rectCenter(itemBounds(to));
  const d = { x: b.x - a.x, y: b.y - a.y };
  if (d.x === 0 && d.y === 0) return null;
  const leave = exitFraction(itemBounds(from), d);
  const enter = exitFraction(itemBounds(to), d);
  if (leave + enter >= 1) return null;
  return {
    a: { x: a.x + d.x * leave, y: a.y + d.y * leave },
    b: { x: b.x - d.x * enter, y: b.y - d.y * enter },
  };
}

/** Fraction of `d` after which a ray from the rectangle's centre leaves the rectangle. */
function exitFraction(r: Rect, d: Point): number {
  const tx = d.x === 0 ? Infinity : r.w / 2 / Math.abs(d.x);
  const ty = d.y === 0 ? Infinity : r.h / 2 / Math.abs(d.y);
  return Math.min(tx, ty);
}

function collinearOverlap(p1: Point, r: Point, q1: Point, q2: Point): Point | null {
  const rr = r.x * r.x + r.y * r.y;
  if (rr === 0) {
    // p is a single point: it meets q when it lies on q.
    return distanceToSegment(p1, { a: q1, b: q2 }) <= EPSILON ? p1 : null;
  }
  const t0 = ((q1.x - p1.x) * r.x + (q1.y - p1.y) * r.y) / rr;
  const t1 = ((q2.x - p1.x) * r.x + (q2.y - p1.y) * r.y) / rr;
  const start = Math.max(0, Math.min(t0, t1));
  const end = Math.min(1, Math.max(t0, t1));
  if (start > end + EPSILON) return null;
  return { x: p1.x + start * r.x, y: p1.y + start * r.y };
}

function cross(a: Point, b: Point): number {
  return a.x * b.y - a.y * b.x;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

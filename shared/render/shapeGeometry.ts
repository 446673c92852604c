/**
 * Geometry both painters (SVG and canvas) need to draw primitives the same way: arrow heads
 * of `line` primitives (the shaft stops where a head begins, so a dashed line never pokes
 * through its tip) and clamped corner radii of `rect` primitives.
 */

/** Length of an arrow head along the line, in board units. */
export const ARROW_LENGTH = 12;
/** Width of an arrow head across the line. */
export const ARROW_WIDTH = 11;

/** A line with its heads: the shortened shaft and one triangle per head. */
export interface ArrowShape {
  readonly shaft: readonly number[];
  readonly heads: readonly (readonly number[])[];
}

/** The shaft and heads of a polyline with heads at its end (or both ends). */
export function arrowShape(points: readonly number[], arrow: 'end' | 'both' | undefined): ArrowShape {
  const n = points.length;
  if (!arrow || n < 4) return { shaft: points, heads: [] };
  const shaft = [...points];
  const heads: number[][] = [];
  const end = head(points[n - 4] ?? 0, points[n - 3] ?? 0, points[n - 2] ?? 0, points[n - 1] ?? 0);
  if (end) {
    shaft[n - 2] = end.baseX;
    shaft[n - 1] = end.baseY;
    heads.push(end.triangle);
  }
  if (arrow === 'both') {
    const start = head(points[2] ?? 0, points[3] ?? 0, points[0] ?? 0, points[1] ?? 0);
    if (start) {
      shaft[0] = start.baseX;
      shaft[1] = start.baseY;
      heads.push(start.triangle);
    }
  }
  return { shaft, heads };
}

function head(fromX: number, fromY: number, tipX: number, tipY: number) {
  const length = Math.hypot(tipX - fromX, tipY - fromY);
  if (length === 0) return null;
  const ux = (tipX - fromX) / length;
  const uy = (tipY - fromY) / length;
  const along = Math.min(ARROW_LENGTH, length);
  const baseX = tipX - ux * along;
  const baseY = tipY - uy * along;
  const half = ARROW_WIDTH / 2;
  return {
    baseX,
    baseY,
    triangle: [tipX, tipY, baseX - uy * half, baseY + ux * half, baseX + uy * half, baseY - ux * half],
  };
}

/** Corner radii [top-left, top-right, bottom-right, bottom-left], clamped to half the shorter side. */
export function radii(
  radius: number | readonly [number, number, number, number] | undefined,
  w: number,
  h: number,
): [number, number, number, number] {
  const max = Math.max(0, Math.min(Math.abs(w), Math.abs(h)) / 2);
  const [a, b, c, d] =
    typeof radius === 'number' ? [radius, radius, radius, radius] : (radius ?? [0, 0, 0, 0]);
  return [Math.min(a, max), Math.min(b, max), Math.min(c, max), Math.min(d, max)];
}

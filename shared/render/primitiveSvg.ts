/**
 * A drawing (primitives.ts) as SVG markup: the exports' interpreter of the drawings the canvas
 * paints too. Text is written escaped, one element per line, never parsed.
 *
 *   primitivesSvg(kindDefinition(item.kind).draw(item, layout, options));
 */
import { arrowShape, radii } from './shapeGeometry';
import type { Paint, Primitive } from './primitives';
import { dash, el, num, textEl, type Attributes } from './svgMarkup';
import { INK } from './theme';

/** The SVG baseline of line `index` of text whose block starts at `top` (each line centred in its height). */
export function baseline(top: number, index: number, fontSize: number, lineHeight: number): number {
  return top + (index + 0.5) * fontSize * lineHeight + 0.35 * fontSize;
}

/** The markup of a drawing. */
export function primitivesSvg(primitives: readonly Primitive[]): string {
  let out = '';
  for (const primitive of primitives) out += primitiveSvg(primitive);
  return out;
}

function paint(p: Paint): Attributes {
  return {
    fill: p.fill ?? 'none',
    stroke: p.stroke,
    'stroke-width': p.stroke ? (p.strokeWidth ?? 1) : undefined,
    'stroke-dasharray': p.stroke ? dash(p.dash) : undefined,
    opacity: p.opacity,
  };
}

function primitiveSvg(p: Primitive): string {
  switch (p.type) {
    case 'rect':
      return rectSvg(p);
    case 'circle':
      return el('circle', { cx: p.x, cy: p.y, r: p.r, ...paint(p) });
    case 'ellipse':
      return el('ellipse', { cx: p.x, cy: p.y, rx: p.rx, ry: p.ry, ...paint(p) });
    case 'polygon':
      return el('polygon', { points: pointList(p.points), ...paint(p) });
    case 'line':
      return lineSvg(p);
    case 'text':
      return textSvg(p);
  }
}

function rectSvg(p: Extract<Primitive, { type: 'rect' }>): string {
  const corners = radii(p.radius, p.w, p.h);
  const shape = (attrs: Attributes, dy = 0) =>
    corners.every((r) => r === corners[0])
      ? el('rect', { x: p.x, y: p.y + dy, width: p.w, height: p.h, rx: corners[0] || undefined, ...attrs })
      : el('path', { d: roundedPath(p.x, p.y + dy, p.w, p.h, corners), ...attrs });
  // A soft offset shadow instead of a blur filter: filters cost far too much on big boards.
  const shadow = p.shadow ? shape({ fill: INK, 'fill-opacity': 0.08 }, 2) : '';
  return shadow + shape(paint(p));
}

function roundedPath(x: number, y: number, w: number, h: number, [tl, tr, br, bl]: number[]): string {
  const n = num;
  const arc = (r: number, tx: number, ty: number) =>
    r > 0 ? `A${n(r)} ${n(r)} 0 0 1 ${n(tx)} ${n(ty)}` : '';
  return (
    `M${n(x + (tl ?? 0))} ${n(y)}H${n(x + w - (tr ?? 0))}${arc(tr ?? 0, x + w, y + (tr ?? 0))}` +
    `V${n(y + h - (br ?? 0))}${arc(br ?? 0, x + w - (br ?? 0), y + h)}` +
    `H${n(x + (bl ?? 0))}${arc(bl ?? 0, x, y + h - (bl ?? 0))}` +
    `V${n(y + (tl ?? 0))}${arc(tl ?? 0, x + (tl ?? 0), y)}Z`
  );
}

function lineSvg(p: Extract<Primitive, { type: 'line' }>): string {
  const attrs = { ...paint(p), fill: 'none', 'stroke-linecap': p.lineCap === 'round' ? 'round' : undefined };
  const { shaft, heads } = arrowShape(p.points, p.arrow);
  const [x1, y1, x2, y2] = shaft;
  const line =
    shaft.length === 4
      ? el('line', { x1, y1, x2, y2, ...attrs })
      : el('polyline', { points: pointList(shaft), ...attrs });
  const fill = p.stroke ?? INK;
  return line + heads.map((h) => el('polygon', { points: pointList(h), fill, opacity: p.opacity })).join('');
}

function textSvg(p: Extract<Primitive, { type: 'text' }>): string {
  const lineHeight = p.lineHeight ?? 1.3;
  const anchor = p.align && p.align !== 'start' ? p.align : undefined;
  const group: Attributes = {
    'font-size': p.fontSize,
    'font-weight': p.bold ? 'bold' : undefined,
    'letter-spacing': p.letterSpacing,
    'text-anchor': anchor,
    fill: p.colour,
    opacity: p.opacity,
  };
  const lines = (attrs: Attributes) =>
    p.lines
      .map((line, i) => textEl(line, { x: p.x, y: baseline(p.y, i, p.fontSize, lineHeight), ...attrs }))
      .join('');
  const halo = p.halo
    ? lines({ fill: p.halo, stroke: p.halo, 'stroke-width': 4, 'stroke-linejoin': 'round' })
    : '';
  return el('g', group, halo + lines({}));
}

function pointList(points: readonly number[]): string {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2)
    pairs.push(`${num(points[i] ?? 0)},${num(points[i + 1] ?? 0)}`);
  return pairs.join(' ');
}

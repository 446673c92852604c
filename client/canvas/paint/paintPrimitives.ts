/**
 * Paints a drawing (shared/render/primitives.ts) on a 2D canvas context: the canvas's
 * interpreter of the drawings the exports write as SVG. State is set per primitive rather than
 * saved and restored (save/restore dominated the old canvas's profile); shadows only at full
 * detail; text with fillText, one call per line, never parsed.
 */
import type { Primitive } from '../../../shared/render/primitives';
import { arrowShape, radii } from '../../../shared/render/shapeGeometry';
import { canvasFont, setFont, type Context2D } from './measure';

export type { Context2D };

const SHADOW = 'rgba(29, 43, 51, 0.12)';
const NO_DASH: number[] = [];
const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

/** Paints primitives in the context's current transform; leaves alpha, dash and shadow as it found them. */
export function paintPrimitives(
  ctx: Context2D,
  primitives: readonly Primitive[],
  detail: 'full' | 'low',
): void {
  const alpha = ctx.globalAlpha;
  for (const p of primitives) {
    ctx.globalAlpha = alpha * (p.opacity ?? 1);
    switch (p.type) {
      case 'rect':
        ctx.beginPath();
        roundedRect(ctx, p.x, p.y, p.w, p.h, radii(p.radius, p.w, p.h));
        fillAndStroke(ctx, p, p.shadow === true && detail === 'full');
        break;
      case 'circle':
        ctx.beginPath();
        ctx.arc(p.x, p.y, p.r, 0, 2 * Math.PI);
        fillAndStroke(ctx, p, false);
        break;
      case 'ellipse':
        ctx.beginPath();
        ctx.ellipse(p.x, p.y, p.rx, p.ry, 0, 0, 2 * Math.PI);
        fillAndStroke(ctx, p, false);
        break;
      case 'polygon':
        ctx.beginPath();
        polyline(ctx, p.points);
        ctx.closePath();
        fillAndStroke(ctx, p, false);
        break;
      case 'line':
        paintLine(ctx, p);
        break;
      case 'text':
        paintText(ctx, p);
        break;
    }
  }
  ctx.globalAlpha = alpha;
}

type Painted = Extract<Primitive, { fill?: string }>;

function fillAndStroke(ctx: Context2D, p: Painted, shadow: boolean): void {
  if (p.fill) {
    if (shadow) {
      // Blur is in device pixels; the card's shadow should scale with the card.
      ctx.shadowColor = SHADOW;
      ctx.shadowBlur = 8 * Math.abs(ctx.getTransform().a);
      ctx.shadowOffsetY = 2 * Math.abs(ctx.getTransform().d);
    }
    ctx.fillStyle = p.fill;
    ctx.fill();
    if (shadow) {
      ctx.shadowColor = 'transparent';
      ctx.shadowBlur = 0;
      ctx.shadowOffsetY = 0;
    }
  }
  if (p.stroke) stroke(ctx, p);
}

function stroke(ctx: Context2D, p: Painted): void {
  ctx.strokeStyle = p.stroke ?? '';
  ctx.lineWidth = p.strokeWidth ?? 1;
  const dashed = p.dash && p.dash.length > 0;
  if (dashed) ctx.setLineDash(p.dash as number[]);
  ctx.stroke();
  if (dashed) ctx.setLineDash(NO_DASH);
}

function paintLine(ctx: Context2D, p: Extract<Primitive, { type: 'line' }>): void {
  const { shaft, heads } = arrowShape(p.points, p.arrow);
  ctx.beginPath();
  polyline(ctx, shaft);
  ctx.lineCap = p.lineCap ?? 'butt';
  stroke(ctx, p);
  ctx.lineCap = 'butt';
  if (heads.length === 0) return;
  ctx.fillStyle = p.stroke ?? '#000000';
  for (const head of heads) {
    ctx.beginPath();
    polyline(ctx, head);
    ctx.closePath();
    ctx.fill();
  }
}

function paintText(ctx: Context2D, p: Extract<Primitive, { type: 'text' }>): void {
  if (p.lines.length === 0) return;
  const font = canvasFont(p.fontSize, p.bold === true);
  setFont(ctx, font);
  ctx.textAlign = ALIGN[p.align ?? 'start'];
  ctx.textBaseline = 'middle';
  const spaced = p.letterSpacing !== undefined && 'letterSpacing' in ctx;
  if (spaced) ctx.letterSpacing = `${p.letterSpacing}px`;
  const step = p.fontSize * (p.lineHeight ?? 1.3);
  if (p.halo) {
    ctx.strokeStyle = p.halo;
    ctx.lineWidth = 4;
    ctx.lineJoin = 'round';
    p.lines.forEach((line, i) => ctx.strokeText(line, p.x, p.y + (i + 0.5) * step));
    ctx.lineJoin = 'miter';
  }
  ctx.fillStyle = p.colour;
  p.lines.forEach((line, i) => ctx.fillText(line, p.x, p.y + (i + 0.5) * step));
  if (spaced) ctx.letterSpacing = '0px';
}

function polyline(ctx: Context2D, points: readonly number[]): void {
  ctx.moveTo(points[0] ?? 0, points[1] ?? 0);
  for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo(points[i] ?? 0, points[i + 1] ?? 0);
}

function roundedRect(
  ctx: Context2D,
  x: number,
  y: number,
  w: number,
  h: number,
  [tl, tr, br, bl]: readonly [number, number, number, number],
): void {
  if (tl === 0 && tr === 0 && br === 0 && bl === 0) {
    ctx.rect(x, y, w, h);
    return;
  }
  ctx.moveTo(x + tl, y);
  ctx.arcTo(x + w, y, x + w, y + h, tr);
  ctx.arcTo(x + w, y + h, x, y + h, br);
  ctx.arcTo(x, y + h, x, y, bl);
  ctx.arcTo(x, y, x + w, y, tl);
  ctx.closePath();
}

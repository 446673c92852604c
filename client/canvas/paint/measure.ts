/**
 * Text measured with the browser's own fonts (a 2D canvas context), cached per font and text,
 * and the canvas's item layouts over it: the shared layout (shared/render/layout.ts) with the
 * fonts the canvas really draws with. Without a canvas (tests in Node) it measures like the exports.
 */
import { createItemLayouts, exportMeasure, type Measure } from '../../../shared/render/layout';
import { FONT_FAMILY } from '../../../shared/render/theme';

/** A 2D context of an on-screen or offscreen canvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

let context: Context2D | null | undefined;
const widths = new Map<string, number>();
const MAX_CACHED = 50_000;

function measuringContext(): Context2D | null {
  if (context !== undefined) return context;
  if (typeof OffscreenCanvas !== 'undefined') context = new OffscreenCanvas(1, 1).getContext('2d');
  else if (typeof document !== 'undefined') context = document.createElement('canvas').getContext('2d');
  else context = null;
  return context;
}

const normalised = new Map<string, string>();

/**
 * Sets the context's font unless it already is that font. Setting a font parses it, and the
 * context reads it back normalised ("normal" dropped, quotes changed), so the normalised form
 * of each font is remembered and compared instead.
 */
export function setFont(ctx: Context2D, font: string): void {
  const current = ctx.font;
  if (current === font || current === normalised.get(font)) return;
  ctx.font = font;
  normalised.set(font, ctx.font);
}

/** The CSS font the canvas draws text in, at a size and weight. */
export function canvasFont(fontSize: number, bold: boolean): string {
  return `${bold ? 'bold' : 'normal'} ${fontSize}px ${FONT_FAMILY}`;
}

/** The width of a line of text as the canvas draws it, in board units. */
export const canvasMeasure: Measure = (text, fontSize, bold) => {
  const ctx = measuringContext();
  if (!ctx) return exportMeasure(text, fontSize, bold);
  const font = canvasFont(fontSize, bold);
  const key = `${font}|${text}`;
  const cached = widths.get(key);
  if (cached !== undefined) return cached;
  setFont(ctx, font);
  const width = ctx.measureText(text).width;
  if (widths.size >= MAX_CACHED) widths.clear();
  widths.set(key, width);
  return width;
};

/** The canvas's item layouts: re-measured only when an item's text, width or kind changes. */
export const canvasLayouts = createItemLayouts(canvasMeasure);

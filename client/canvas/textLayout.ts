/**
 * Word wrapping measured with a canvas 2D context (the fonts this browser really draws with;
 * the exports wrap with DejaVu Sans metrics in shared/render/textMeasure.ts instead), so a card knows how tall its text is
 * before Konva draws it and can grow to fit. Results are cached: cards re-render often,
 * their text rarely changes.
 */
import { wrapLines } from '../../shared/render/textMeasure';
import { FONT_FAMILY } from './theme';
import { stripBidiControls } from '../../shared/bidi';

/** Wrapped lines of a text at a width, and the height they need. */
export interface TextBlock {
  readonly lines: readonly string[];
  readonly height: number;
}

const cache = new Map<string, TextBlock>();
const MAX_CACHE = 20_000;
let context: CanvasRenderingContext2D | null = null;

function measure(font: string, text: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 8;
  // Setting the font parses it; long words are measured a character at a time.
  if (context.font !== font) context.font = font;
  return context.measureText(text).width;
}

/** Wraps text to `width` pixels in the given font size and weight; long words break. */
export function layoutText(
  text: string,
  width: number,
  fontSize: number,
  fontWeight = 'normal',
  lineHeight = 1.3,
): TextBlock {
  const key = `${fontSize}|${fontWeight}|${Math.round(width)}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const font = `${fontWeight} ${fontSize}px ${FONT_FAMILY}`;
  const lines = wrapLines(stripBidiControls(text), width, (line) => measure(font, line));
  const block = { lines, height: lines.length * fontSize * lineHeight };
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(key, block);
  return block;
}

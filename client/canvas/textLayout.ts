/**
 * Word wrapping with the canvas's measure (paint/measure.ts), for the Konva components still
 * being replaced; new code lays items out with shared/render/layout.ts instead.
 */
import { stripBidiControls } from '../../shared/bidi';
import { wrapLines } from '../../shared/render/textMeasure';
import { canvasMeasure } from './paint/measure';

/** Wrapped lines of a text at a width, and the height they need. */
export interface TextBlock {
  readonly lines: readonly string[];
  readonly height: number;
}

/** Wraps text to `width` pixels in the given font size and weight; long words break. */
export function layoutText(
  text: string,
  width: number,
  fontSize: number,
  fontWeight = 'normal',
  lineHeight = 1.3,
): TextBlock {
  const bold = fontWeight === 'bold';
  const lines = wrapLines(stripBidiControls(text), width, (line) => canvasMeasure(line, fontSize, bold));
  return { lines, height: lines.length * fontSize * lineHeight };
}

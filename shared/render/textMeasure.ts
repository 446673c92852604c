/**
 * Text measuring and wrapping without a DOM, for the exports: widths come from DejaVu Sans's
 * own advance widths (fontMetrics.ts, generated from the font the server embeds), so SVG, PNG
 * and PDF wrap identically and the text fits its card. Characters outside the table are
 * estimated by class: wide (CJK, emoji) one em, combining marks nothing, anything else the
 * font's average. The wrapping rule is the canvas's (textLayout.ts): break at white space,
 * cut a word wider than the line, cut runs longer than MAX_UNBROKEN_RUN short.
 *
 *   wrapText('Ruimte voor de rivier', 120, 15, 'bold').lines; // ['Ruimte voor', 'de rivier']
 */
import { BOLD_WIDTHS, METRIC_RANGES, REGULAR_WIDTHS } from './fontMetrics';

/** Wrapped lines of a text at a width, and the height they need. */
export interface TextBlock {
  readonly lines: readonly string[];
  readonly height: number;
}

/** Font weight as the canvas names it. */
export type FontWeight = 'normal' | 'bold';

/** Average advance of DejaVu Sans (thousandths of an em), for characters the table lacks. */
const AVERAGE = { normal: 620, bold: 700 } as const;

/** Width in thousandths of an em of one code point. */
function advance(codePoint: number, weight: FontWeight): number {
  const table = weight === 'bold' ? BOLD_WIDTHS : REGULAR_WIDTHS;
  for (const [i, [from, to]] of METRIC_RANGES.entries()) {
    if (codePoint >= from && codePoint <= to) {
      const width = table[i]?.[codePoint - from] ?? 0;
      if (width > 0) return width;
      break;
    }
  }
  if (codePoint < 0x20) return 0;
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) return 0;
  if (codePoint === 0x200d) return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    codePoint >= 0x1f000
  )
    return 1000;
  return AVERAGE[weight];
}

/** The width of a line of text in board units. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 'normal'): number {
  let total = 0;
  for (const char of text) total += advance(char.codePointAt(0) ?? 0, weight);
  return (total * fontSize) / 1000;
}

const cache = new Map<string, TextBlock>();
const MAX_CACHE = 20_000;

/**
 * Longest unbroken run (code points) laid out: a longer word is cut there and ends in an
 * ellipsis, so one pasted 10,000-character string costs no more than a normal card.
 */
export const MAX_UNBROKEN_RUN = 200;

/** The run cut to MAX_UNBROKEN_RUN code points (white space without, words with an ellipsis). */
function capRun(run: string): string {
  if (run.length <= MAX_UNBROKEN_RUN) return run;
  const chars = Array.from(run);
  if (chars.length <= MAX_UNBROKEN_RUN) return run;
  const kept = chars.slice(0, MAX_UNBROKEN_RUN).join('');
  return /^\s/.test(run) ? kept : `${kept}…`;
}

/**
 * Word wrapping with any measure: words move to the next line when the line would be wider
 * than `width`, and a word too wide on its own is cut between code points. The canvas passes
 * the browser's measure, the exports the DejaVu metrics above, so both wrap by the same rules.
 *
 * Linear in the text's length: every run is measured once and line widths are summed (so
 * kerning across a break is ignored); a word too wide is cut by summing its characters'
 * widths, and runs longer than MAX_UNBROKEN_RUN are cut short first.
 */
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const token of paragraph.split(/(\s+)/)) {
      if (token === '') continue;
      const run = capRun(token);
      const runWidth = measure(run);
      if (line === '' || lineWidth + runWidth <= width) {
        line += run;
        lineWidth += runWidth;
      } else {
        lines.push(line.trimEnd());
        const space = /^\s/.test(run);
        line = space ? '' : run;
        lineWidth = space ? 0 : runWidth;
      }
      if (lineWidth > width) ({ line, lineWidth } = breakRun(line, width, measure, lines));
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Cuts a too-wide run into full lines (pushed to `lines`); returns what is left of it. */
function breakRun(
  run: string,
  width: number,
  measure: (text: string) => number,
  lines: string[],
): { line: string; lineWidth: number } {
  let line = '';
  let lineWidth = 0;
  for (const char of run) {
    const w = measure(char);
    if (line !== '' && lineWidth + w > width) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    line += char;
    lineWidth += w;
  }
  return { line, lineWidth };
}

/** Wraps text to `width` in the given font size and weight; long words break. */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  weight: FontWeight = 'normal',
  lineHeight = 1.3,
): TextBlock {
  const key = `${fontSize}|${weight}|${Math.round(width)}|${lineHeight}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const lines = wrapLines(text, width, (line) => measureText(line, fontSize, weight));
  const block = { lines, height: lines.length * fontSize * lineHeight };
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(key, block);
  return block;
}

/** The text cut to fit `width`, ending in an ellipsis when it was cut (linear in its length). */
export function ellipsize(
  text: string,
  width: number,
  fontSize: number,
  weight: FontWeight = 'normal',
): string {
  const room = width - measureText('…', fontSize, weight);
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += measureText(char, fontSize, weight);
    if (used > width) break;
    end += char.length;
  }
  if (end === text.length) return text;
  // It does not fit whole: keep what fits beside the ellipsis.
  used = 0;
  end = 0;
  for (const char of text) {
    used += measureText(char, fontSize, weight);
    if (used > room) break;
    end += char.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

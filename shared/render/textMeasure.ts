/**
 * Text measuring and wrapping without a DOM, for the exports: widths come from DejaVu Sans's
 * own advance widths (fontMetrics.ts, generated from the font the server embeds), so SVG, PNG
 * and PDF wrap identically and the text fits its card. Characters outside the table are
 * estimated by class: wide (CJK, emoji) one em, combining marks nothing, anything else the
 * font's average. The wrapping rule is the canvas's (textLayout.ts): break at white space,
 * cut a word wider than the line.
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
 * Word wrapping with any measure: words move to the next line when `fits` refuses the line,
 * and a word too wide on its own is cut between code points. The canvas passes the browser's
 * measure, the exports the DejaVu metrics above, so both wrap by the same rules.
 */
export function wrapLines(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(\s+)/)) {
      const candidate = line + word;
      if (fits(candidate) || line === '') {
        line = candidate;
        while (!fits(line) && [...line].length > 1) {
          const chars = [...line];
          let cut = chars.length - 1;
          while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
          lines.push(chars.slice(0, cut).join(''));
          line = chars.slice(cut).join('');
        }
      } else {
        lines.push(line.trimEnd());
        line = word.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
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
  const lines = wrapLines(text, (line) => measureText(line, fontSize, weight) <= width);
  const block = { lines, height: lines.length * fontSize * lineHeight };
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(key, block);
  return block;
}

/** The text cut to fit `width`, ending in an ellipsis when it was cut. */
export function ellipsize(
  text: string,
  width: number,
  fontSize: number,
  weight: FontWeight = 'normal',
): string {
  if (measureText(text, fontSize, weight) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && measureText(`${chars.join('')}…`, fontSize, weight) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

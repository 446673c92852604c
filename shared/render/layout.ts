/**
 * The one layout of an item's text, and the one display-height rule: cards grow with their
 * wrapped text, other kinds keep their stored height. The measure is passed in, so the canvas
 * (the browser's fonts) and the exports (DejaVu Sans metrics) lay out by the same rules.
 *
 *   const layouts = createItemLayouts(exportMeasure);
 *   layouts.of(item).height; // the drawn height, for link end points and the board's extent
 */
import { stripBidiControls } from '../bidi';
import type { KindTextMetrics } from '../kinds/define';
import { kindDefinition } from '../kinds/registry';
import type { BoardItem } from '../schema';
import { measureText, wrapLines } from './textMeasure';

/** Width of a line of text in board units, in a font size and weight. */
export type Measure = (text: string, fontSize: number, bold: boolean) => number;

/** An item's text laid out in its box, in item-local board units. */
export interface ItemLayout {
  /** The wrapped lines, bidi controls removed. */
  readonly lines: readonly string[];
  readonly left: number;
  readonly top: number;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly lineHeight: number;
  /** The drawn height: stored, or more when the text needs it. */
  readonly height: number;
  /** Lines drawn when zoomed far out, in their own size (kinds with `lowDetail` metrics). */
  readonly low?: { readonly lines: readonly string[]; readonly fontSize: number };
}

/** Text measured with DejaVu Sans, the exports' font. */
export const exportMeasure: Measure = (text, fontSize, bold) =>
  measureText(text, fontSize, bold ? 'bold' : 'normal');

/** Laid-out items, cached per item object and per text, width and kind. */
export interface ItemLayouts {
  /** The layout of an item; measured again only when its text, width or kind changes. */
  of(item: BoardItem): ItemLayout;
}

const MAX_CACHED_TEXTS = 20_000;

/** A layout cache over one measure (one per measure: the canvas's and the exports'). */
export function createItemLayouts(measure: Measure): ItemLayouts {
  const byItem = new WeakMap<BoardItem, ItemLayout>();
  const byText = new Map<string, TextLines>();
  const linesOf = (item: BoardItem, metrics: KindTextMetrics): TextLines => {
    const key = `${item.kind}|${item.w}|${item.text}`;
    const cached = byText.get(key);
    if (cached) return cached;
    const computed = layoutText(stripBidiControls(item.text), item.w, metrics, measure);
    if (byText.size >= MAX_CACHED_TEXTS) byText.clear();
    byText.set(key, computed);
    return computed;
  };
  return {
    of(item) {
      const cached = byItem.get(item);
      if (cached) return cached;
      const definition = kindDefinition(item.kind);
      const metrics = definition.text;
      const text = linesOf(item, metrics);
      const textHeight = text.lines.length * metrics.fontSize * metrics.lineHeight;
      const layout: ItemLayout = {
        lines: text.lines,
        left: metrics.left,
        top: metrics.top,
        fontSize: metrics.fontSize,
        bold: metrics.weight === 'bold',
        lineHeight: metrics.lineHeight,
        height:
          definition.traits.height === 'grows'
            ? Math.max(item.h, metrics.top + textHeight + metrics.bottom)
            : item.h,
        ...(text.low && { low: text.low }),
      };
      byItem.set(item, layout);
      return layout;
    },
  };
}

interface TextLines {
  readonly lines: readonly string[];
  readonly low?: ItemLayout['low'];
}

function layoutText(text: string, w: number, metrics: KindTextMetrics, measure: Measure): TextLines {
  if (metrics.wrap === 'none') return { lines: [] };
  const bold = metrics.weight === 'bold';
  const width = Math.max(10, w - 2 * metrics.left);
  const lines = fitLines(text, width, metrics.fontSize, bold, metrics.maxLines, measure);
  const low = metrics.lowDetail;
  if (!low) return { lines };
  return {
    lines,
    low: { lines: fitLines(text, width, low.fontSize, bold, low.maxLines, measure), fontSize: low.fontSize },
  };
}

/** Wrapped lines, at most `maxLines`, the last one ending in an ellipsis when text was cut. */
function fitLines(
  text: string,
  width: number,
  fontSize: number,
  bold: boolean,
  maxLines: number | undefined,
  measure: Measure,
): string[] {
  const m = (line: string) => measure(line, fontSize, bold);
  const lines = wrapLines(text, width, m);
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = `${kept[maxLines - 1] ?? ''} ${lines.slice(maxLines).join(' ')}`;
  kept[maxLines - 1] = ellipsize(last, width, m);
  return kept;
}

/** The text cut to fit `width`, ending in an ellipsis when it was cut (linear in its length). */
export function ellipsize(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const room = width - measure('…');
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += measure(char);
    if (used > room) break;
    end += char.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/** The exports' layouts (DejaVu Sans metrics). */
export const exportLayouts = createItemLayouts(exportMeasure);

/** The drawn height of an item in an export. */
export function displayHeight(item: BoardItem): number {
  return exportLayouts.of(item).height;
}

/** The item with its drawn height in an export, for link end points and the board's extent. */
export function withDisplayHeight(item: BoardItem): BoardItem {
  const h = displayHeight(item);
  return h === item.h ? item : { ...item, h };
}

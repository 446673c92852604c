/**
 * Where each item is drawn in an export: cards grow with their wrapped text exactly as on the
 * canvas (client/canvas/displayGeometry.ts), measured with the exports' own font metrics.
 *
 *   const body = cardBody(item);        // lines, font size, top
 *   const shown = withDisplayHeight(item); // for link end points and the board's extent
 */
import type { BoardItem } from '../schema';
import { wrapText } from './textMeasure';
import { CARD, KIND_METRICS, LINE_HEIGHT } from './theme';

/** The wrapped body text of a card. */
export interface CardBody {
  readonly lines: readonly string[];
  readonly fontSize: number;
  readonly bold: boolean;
  readonly top: number;
  readonly height: number;
}

/** Lays out a card's text inside its padding. */
export function cardBody(item: BoardItem): CardBody {
  const m = KIND_METRICS[item.kind];
  const bold = m.weight === 'bold';
  const block = wrapText(
    item.text,
    Math.max(10, item.w - 2 * CARD.padding),
    m.fontSize,
    m.weight,
    LINE_HEIGHT,
  );
  return { lines: block.lines, fontSize: m.fontSize, bold, top: m.top, height: block.height };
}

/** The drawn height: frames and markers keep theirs, cards grow to fit their text. */
export function displayHeight(item: BoardItem): number {
  if (item.kind === 'frame' || item.kind === 'boundary') return item.h;
  const body = cardBody(item);
  return Math.max(item.h, body.top + body.height + KIND_METRICS[item.kind].bottom);
}

/** The item with its drawn height, for link end points and the board's extent. */
export function withDisplayHeight(item: BoardItem): BoardItem {
  const h = displayHeight(item);
  return h === item.h ? item : { ...item, h };
}

/** The SVG baseline of line `index` of text whose block starts at `top` (the canvas centres each line in its height). */
export function baseline(top: number, index: number, fontSize: number, lineHeight = LINE_HEIGHT): number {
  return top + (index + 0.5) * fontSize * lineHeight + 0.35 * fontSize;
}

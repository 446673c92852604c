/**
 * A link as a drawing: an arrow between the drawn boxes of its items in its kind's colour,
 * rings where it crosses boundary markers, and its caption at the middle. The canvas and the
 * exports paint the same list (board coordinates, not item-local).
 *
 *   linkDrawing(link, displayed(from), displayed(to), { ...options, measure: exportMeasure });
 */
import { stripBidiControls } from '../bidi';
import { linkSegment, type Point } from '../geometry';
import { linkLabel } from '../i18n';
import { oneLine } from '../kinds/drawParts';
import type { BoardLink } from '../links/link';
import type { BoardItem } from '../schema';
import type { Language } from '../ydoc';
import type { Measure } from './layout';
import type { Primitive } from './primitives';
import { LINK_STYLE, SELECTION } from './theme';

/** Which link captions to draw: none, only labels people wrote, or every kind's phrase too. */
export type CaptionLevel = 'none' | 'labels' | 'all';

/** What a link's drawing depends on besides the link and its items. */
export interface LinkDrawOptions {
  readonly language: Language;
  readonly captions: CaptionLevel;
  readonly selected: boolean;
  /** On a path through the selection (bolder), off it (faint), or neither. */
  readonly emphasis: 'on' | 'off' | 'none';
  /** Where the link crosses boundary markers, in each marker's colour. */
  readonly badges: readonly { readonly point: Point; readonly colour: string }[] | undefined;
  /** Measures the caption for its background. */
  readonly measure: Measure;
}

const CAPTION_SIZE = 11;
const CAPTION_PADDING = 3;

/** The caption a link shows: its kind's phrase and the label someone wrote. */
export function linkCaption(link: BoardLink, language: Language): string {
  const phrase = linkLabel(language, link.kind);
  return oneLine(stripBidiControls(link.label ? `${phrase}: ${link.label}` : phrase));
}

/** The drawing of a link between two items as drawn (display boxes); empty when they overlap. */
export function linkDrawing(
  link: BoardLink,
  from: BoardItem,
  to: BoardItem,
  options: LinkDrawOptions,
): Primitive[] {
  const segment = linkSegment(from, to);
  if (!segment) return [];
  const style = LINK_STYLE[link.kind];
  const { a, b } = segment;
  const opacity = options.emphasis === 'off' ? 0.18 : undefined;
  const colour = options.selected ? SELECTION : style.colour;
  const drawing: Primitive[] = [
    {
      type: 'line',
      points: [a.x, a.y, b.x, b.y],
      arrow: 'end',
      stroke: colour,
      strokeWidth: options.selected || options.emphasis === 'on' ? 4 : 2.5,
      ...(style.dash && { dash: style.dash }),
      ...(opacity !== undefined && { opacity }),
    },
  ];
  for (const badge of options.badges ?? []) {
    const { x, y } = badge.point;
    drawing.push(
      { type: 'circle', x, y, r: 9, fill: '#ffffff', stroke: badge.colour, strokeWidth: 3, opacity },
      { type: 'circle', x, y, r: 4, fill: badge.colour, opacity },
    );
  }
  const { captions } = options;
  if (options.selected || captions === 'all' || (captions === 'labels' && link.label)) {
    const text = linkCaption(link, options.language);
    const x = (a.x + b.x) / 2;
    const y = (a.y + b.y) / 2;
    const w = options.measure(text, CAPTION_SIZE, false) + 2 * CAPTION_PADDING;
    const h = CAPTION_SIZE + 2 * CAPTION_PADDING;
    drawing.push(
      { type: 'rect', x, y, w, h, radius: 4, fill: '#ffffff', opacity: 0.92 * (opacity ?? 1) },
      {
        type: 'text',
        x: x + CAPTION_PADDING,
        y: y + CAPTION_PADDING,
        lines: [text],
        fontSize: CAPTION_SIZE,
        colour: style.colour,
        lineHeight: 1,
        opacity,
      },
    );
  }
  return drawing;
}

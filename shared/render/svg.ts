/**
 * The board as one SVG document: the renderer behind every export (SVG as is, PNG and PDF
 * from it on the server) and the client's previews. Same visual language as the canvas:
 * items in z-order, links on top with their captions, a ring where a link crosses a boundary
 * marker. Everything people typed is escaped; the file is well-formed whatever is on the board.
 *
 *   const { svg, width, height } = renderBoardSvg(readBoard(doc));
 */
import { crossingSegment, linkCrossings } from '../analysis';
import {
  boardBounds,
  boundaryLine,
  linkSegment,
  segmentIntersection,
  type Point,
  type Rect,
} from '../geometry';
import type { BoardLink } from '../links/link';
import { itemsById, type BoardReadModel } from '../readBoard';
import type { BoardItem } from '../schema';
import type { Language } from '../ydoc';
import { itemSvg } from './itemSvg';
import { exportMeasure, withDisplayHeight } from './layout';
import { linkDrawing } from './linkDrawing';
import { primitivesSvg } from './primitiveSvg';
import { el, escapeXml, num, textEl } from './svgMarkup';
import { BOUNDARY_STYLE, CANVAS_BACKGROUND, EXPORT_FONT_FAMILY, MUTED } from './theme';

/** How to draw the board. */
export interface SvgOptions {
  /** Labels' language; the board's own by default. */
  readonly language?: Language;
  /** Room around the items, in board units (default 40). */
  readonly padding?: number;
  /** Draws the board title above the items (default true). */
  readonly title?: boolean;
  /**
   * `low` leaves out the text of items and links, as the canvas does below a third of full
   * size where it is unreadable: for raster images of big boards, where shaping tens of
   * thousands of lines would take longer than the picture is worth. Cards keep their size.
   */
  readonly detail?: 'full' | 'low';
}

/** Every text element: content is always escaped (svgMarkup.ts), so it holds no `<`. */
const TEXT_ELEMENT = /<text[^>]*>[^<]*<\/text>/g;

/** A rendered board: the markup and its size in board units. */
export interface RenderedSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The board area the image shows (items' extent plus padding and the title). */
  readonly viewBox: Rect;
}

const TITLE_SIZE = 22;
const TITLE_ROOM = 44;
const EMPTY: Rect = { x: 0, y: 0, w: 480, h: 240 };

/** Renders the whole board (not a viewport) to SVG. */
export function renderBoardSvg(board: BoardReadModel, options: SvgOptions = {}): RenderedSvg {
  const language = options.language ?? board.meta.language;
  const padding = options.padding ?? 40;
  const showTitle = hasTitle(board, options);
  const shown = board.items.map(withDisplayHeight);
  const byId = new Map(shown.map((item) => [item.id, item]));
  const viewBox = viewBoxOf(shown, padding, showTitle);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(viewBox.w)}" height="${num(viewBox.h)}"` +
      ` viewBox="${num(viewBox.x)} ${num(viewBox.y)} ${num(viewBox.w)} ${num(viewBox.h)}"` +
      ` font-family="${escapeXml(EXPORT_FONT_FAMILY)}">`,
  );
  parts.push(el('title', {}, escapeXml(board.meta.title || 'Olievlek')));
  parts.push(
    el('rect', { x: viewBox.x, y: viewBox.y, width: viewBox.w, height: viewBox.h, fill: CANVAS_BACKGROUND }),
  );
  if (showTitle)
    parts.push(
      textEl(board.meta.title, {
        x: viewBox.x + padding,
        y: viewBox.y + padding + TITLE_SIZE * 0.8,
        'font-size': TITLE_SIZE,
        'font-weight': 'bold',
        fill: MUTED,
      }),
    );
  const low = options.detail === 'low';
  const body: string[] = [];
  for (const item of board.items) body.push(itemSvg(item, language, low ? 'low' : 'full'));
  const crossings = new Map(linkCrossings(board).map((c) => [c.linkId, c.markerIds]));
  const original = itemsById(board);
  for (const link of board.links) {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from || !to) continue;
    const drawing = linkDrawing(link, from, to, {
      language,
      captions: low ? 'none' : 'all',
      selected: false,
      emphasis: 'none',
      badges: crossingBadges(link, crossings, original, from, to),
      measure: exportMeasure,
    });
    body.push(el('g', {}, primitivesSvg(drawing)));
  }
  const markup = body.join('');
  parts.push('<g>', low ? markup.replace(TEXT_ELEMENT, '') : markup, '</g></svg>');
  return { svg: parts.join(''), width: viewBox.w, height: viewBox.h, viewBox };
}

/** The board area an SVG of the board shows, without drawing it (for choosing a raster scale). */
export function boardViewBox(board: BoardReadModel, options: SvgOptions = {}): Rect {
  return viewBoxOf(board.items.map(withDisplayHeight), options.padding ?? 40, hasTitle(board, options));
}

function hasTitle(board: BoardReadModel, options: SvgOptions): boolean {
  return (options.title ?? true) && board.meta.title.trim() !== '';
}

function viewBoxOf(shown: readonly BoardItem[], padding: number, showTitle: boolean): Rect {
  const extent = boardBounds(shown) ?? EMPTY;
  const top = showTitle ? TITLE_ROOM : 0;
  return {
    x: extent.x - padding,
    y: extent.y - padding - top,
    w: extent.w + 2 * padding,
    h: extent.h + 2 * padding + top,
  };
}

/** Rings where the drawn arrow meets each boundary marker the link crosses, in the marker's colour. */
function crossingBadges(
  link: BoardLink,
  crossings: ReadonlyMap<string, readonly string[]>,
  original: ReadonlyMap<string, BoardItem>,
  from: BoardItem,
  to: BoardItem,
): { point: Point; colour: string }[] {
  const markerIds = crossings.get(link.id);
  if (!markerIds) return [];
  const drawn = linkSegment(from, to);
  const analysed = crossingSegment(original.get(link.from) ?? from, original.get(link.to) ?? to);
  const badges: { point: Point; colour: string }[] = [];
  for (const markerId of markerIds) {
    const marker = original.get(markerId);
    if (marker?.kind !== 'boundary') continue;
    const line = boundaryLine(marker);
    const point =
      (drawn && segmentIntersection(drawn.a, drawn.b, line.a, line.b)) ??
      segmentIntersection(analysed.a, analysed.b, line.a, line.b);
    if (point) badges.push({ point, colour: BOUNDARY_STYLE[marker.boundaryType].colour });
  }
  return badges;
}

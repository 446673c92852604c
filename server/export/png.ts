/**
 * The PNG export: the board's SVG rasterised without a browser by resvg (@resvg/resvg-js, a
 * native module whose binary comes from the npm registry as an optional dependency; nothing is
 * downloaded at install). Fonts are the bundled DejaVu Sans only, never the system's: the same
 * pixels on every machine.
 *
 * The whole board at 2× while that stays within MAX_PIXELS; bigger boards are scaled down to
 * fit. Below a third of full size the text is left out, as on the canvas: it is unreadable
 * there, and resvg shapes about one line per millisecond, so a 5,000-item board's 25,000
 * lines would take 20 s (the SVG and PDF exports keep all text, as vectors).
 */
import { Resvg } from '@resvg/resvg-js';
import type { BoardReadModel } from '../../shared/readBoard';
import { boardViewBox, renderBoardSvg } from '../../shared/render/svg';
import { EXPORT_FONTS } from './fonts';

/** Largest PNG in pixels (about 4,000 × 3,000): rasterising and compressing more takes seconds. */
export const MAX_PIXELS = 12_000_000;
/** Largest PNG side in pixels. */
export const MAX_PNG_SIDE = 16_384;
/** Below this scale text is left out, like the canvas's low level of detail. */
export const TEXT_MIN_SCALE = 1 / 3;

/** The scale a board of `width` × `height` units is drawn at: `preferred` unless that is too big. */
export function pngScale(width: number, height: number, preferred = 2): number {
  const w = Math.max(width, 1);
  const h = Math.max(height, 1);
  return Math.min(preferred, MAX_PNG_SIDE / w, MAX_PNG_SIDE / h, Math.sqrt(MAX_PIXELS / (w * h)));
}

/**
 * The board as a PNG at `preferred` scale (2: twice the board's size) or the largest that fits;
 * `withText: false` leaves the text out at any scale (a picture beside a report that holds it).
 */
export function boardPng(
  board: BoardReadModel,
  preferred = 2,
  withText = true,
): { png: Buffer; scale: number } {
  const area = boardViewBox(board);
  const scale = pngScale(area.w, area.h, preferred);
  const { svg } = renderBoardSvg(board, { detail: withText && scale >= TEXT_MIN_SCALE ? 'full' : 'low' });
  return { png: svgToPng(svg, scale), scale };
}

/** Rasterises SVG markup at `scale`. */
export function svgToPng(svg: string, scale: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [EXPORT_FONTS.regular, EXPORT_FONTS.bold],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}

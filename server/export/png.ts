/**
 * SVG to PNG without a browser, with resvg (@resvg/resvg-js: a native module whose binary comes
 * from the npm registry as an optional dependency, nothing downloaded at install). Fonts are
 * the bundled DejaVu Sans only, never the system's: the same pixels on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { EXPORT_FONTS } from './fonts';

/** Largest PNG side in pixels: beyond this a huge board is scaled down rather than exhausting memory. */
export const MAX_PNG_SIDE = 16_384;

/** Renders SVG markup of `width` × `height` board units at `scale` (2: twice the board's size). */
export function svgToPng(svg: string, width: number, height: number, scale = 2): Buffer {
  const fit = Math.min(scale, MAX_PNG_SIDE / Math.max(width, 1), MAX_PNG_SIDE / Math.max(height, 1));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: fit },
    font: {
      loadSystemFonts: false,
      fontFiles: [EXPORT_FONTS.regular, EXPORT_FONTS.bold],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}

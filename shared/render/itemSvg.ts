/**
 * Each item as SVG: the kind's one drawing (shared/kinds), laid out with the exports' font
 * metrics and written as markup, so a download shows what the canvas paints.
 */
import { kindDefinition } from '../kinds/registry';
import type { BoardItem } from '../schema';
import type { Language } from '../ydoc';
import { exportLayouts, exportMeasure } from './layout';
import { primitivesSvg } from './primitiveSvg';
import { el, num } from './svgMarkup';

/** An item's SVG group, positioned on the board. */
export function itemSvg(item: BoardItem, language: Language, detail: 'full' | 'low' = 'full'): string {
  const drawing = kindDefinition(item.kind).draw(item, exportLayouts.of(item), { language, detail });
  return el('g', { transform: `translate(${num(item.x)} ${num(item.y)})` }, primitivesSvg(drawing));
}

/** Width of a caption of the exports' link labels (used for their backgrounds). */
export function labelWidth(text: string, fontSize: number): number {
  return exportMeasure(text, fontSize, false);
}

/** The text the canvas paints for the items in view, for tests that check what it shows. */
import { rectsIntersect } from '../../../shared/geometry';
import type { BoardReadModel } from '../../../shared/readBoard';
import type { Language } from '../../../shared/ydoc';
import { visibleRect, type Viewport } from '../../editor/viewport';
import { itemDisplayBox, paintedText } from '../paint/paintItem';
import { LOW_DETAIL_ZOOM } from './scene';

/** Every text line painted for the items in the viewport, item by item in z-order. */
export function paintedTexts(view: {
  board: BoardReadModel;
  viewport: Viewport;
  language: Language;
}): string[] {
  const area = visibleRect(view.viewport);
  const detail = view.viewport.zoom < LOW_DETAIL_ZOOM ? 'low' : 'full';
  return view.board.items
    .filter((item) => rectsIntersect(area, itemDisplayBox(item)))
    .flatMap((item) => paintedText(item, { language: view.language, detail }));
}

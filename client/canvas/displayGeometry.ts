/**
 * Where an item really is on screen: cards grow with their text, so links, selection
 * outlines and the text editor use the displayed box, not only the stored one.
 */
import type { BoardItem } from '../../shared/schema';
import { bodyLayout, type BodyLayout } from './kinds/common';
import { KIND_METRICS } from './theme';

/** Text placement per kind, shared with the exports so a download lays out like the canvas. */
export { KIND_METRICS };

/** The body text layout of a card. */
export function itemBody(item: BoardItem): BodyLayout {
  const m = KIND_METRICS[item.kind];
  return bodyLayout(item, m.top, m.fontSize, m.weight);
}

/** The displayed height: frames and markers keep theirs, cards grow to fit their text. */
export function displayHeight(item: BoardItem): number {
  if (item.kind === 'frame' || item.kind === 'boundary') return item.h;
  const body = itemBody(item);
  return Math.max(item.h, body.top + body.height + KIND_METRICS[item.kind].bottom);
}

/** The item with its displayed height, for geometry such as link end points. */
export function displayItem(item: BoardItem): BoardItem {
  const h = displayHeight(item);
  return h === item.h ? item : { ...item, h };
}

/**
 * Where an item really is on screen: cards grow with their text, so links, selection
 * outlines and the text editor use the displayed box, not only the stored one.
 */
import type { BoardItem } from '../../shared/schema';
import { bodyLayout, type BodyLayout } from './kinds/common';

/** Text placement per kind: where the body starts, its size and weight, and the room kept below it. */
export const KIND_METRICS = {
  ambition: { top: 36, fontSize: 18, weight: 'bold', bottom: 16 },
  smallWin: { top: 32, fontSize: 15, weight: 'normal', bottom: 36 },
  actor: { top: 30, fontSize: 14, weight: 'bold', bottom: 12 },
  intervention: { top: 34, fontSize: 14, weight: 'normal', bottom: 14 },
  note: { top: 14, fontSize: 15, weight: 'normal', bottom: 14 },
  frame: { top: 12, fontSize: 18, weight: 'bold', bottom: 0 },
  boundary: { top: 0, fontSize: 13, weight: 'bold', bottom: 0 },
} as const;

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

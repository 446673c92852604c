/**
 * What changed between two drawings of the scene, as board rectangles to repaint: the old and
 * new boxes of every item whose object, visibility or lock changed, and of every link that
 * changed or whose ends did. Everything is compared by identity or by value, never redrawn
 * just because a parent recomputed an equal value.
 */
import type { Rect } from '../../../shared/geometry';
import type { BoardLink } from '../../../shared/links/link';
import { itemsById, type BoardReadModel } from '../../../shared/readBoard';
import type { BoardItem } from '../../../shared/schema';
import type { CrossingBadge } from '../highlight';
import { paintedBox } from './itemCache';
import { linkBox, type SceneOptions } from './scene';

/** A drawn scene: the board and the options it was drawn with. */
export interface SceneState {
  readonly board: BoardReadModel;
  readonly options: SceneOptions;
}

function badgeKey(list: readonly CrossingBadge[] | undefined): string {
  return list ? list.map((b) => `${b.markerId}:${b.point.x},${b.point.y}:${b.colour}`).join(';') : '';
}

function setsDiffer(a: ReadonlySet<string>, b: ReadonlySet<string>, into: Set<string>): void {
  if (a === b) return;
  for (const id of a) if (!b.has(id)) into.add(id);
  for (const id of b) if (!a.has(id)) into.add(id);
}

/** Board rectangles that differ between two scenes drawn with the same look (zoom, language, highlight). */
export function dirtyRects(before: SceneState, after: SceneState): Rect[] {
  const rects: Rect[] = [];
  const old = itemsById(before.board);
  const now = itemsById(after.board);
  const touched = new Set<string>();
  if (before.board.items !== after.board.items) {
    for (const item of after.board.items) if (old.get(item.id) !== item) touched.add(item.id);
    for (const item of before.board.items) if (!now.has(item.id)) touched.add(item.id);
  }
  setsDiffer(before.options.hidden, after.options.hidden, touched);
  setsDiffer(before.options.locked, after.options.locked, touched);
  const look = { language: after.options.language, detail: after.options.detail };
  for (const id of touched) {
    const a = old.get(id);
    const b = now.get(id);
    if (a) rects.push(paintedBox(a, look));
    if (b && b !== a) rects.push(paintedBox(b, look));
  }

  const linkRect = (link: BoardLink, items: ReadonlyMap<string, BoardItem>) => {
    const from = items.get(link.from);
    const to = items.get(link.to);
    if (from && to) rects.push(linkBox(link, from, to));
  };
  const oldLinks = new Map(before.board.links.map((link) => [link.id, link]));
  const newIds = new Set<string>();
  const selected = new Set([before.options.selectedLink, after.options.selectedLink]);
  for (const link of after.board.links) {
    newIds.add(link.id);
    const prev = oldLinks.get(link.id);
    const changed =
      prev !== link ||
      touched.has(link.from) ||
      touched.has(link.to) ||
      (selected.has(link.id) && before.options.selectedLink !== after.options.selectedLink) ||
      (before.options.badges !== after.options.badges &&
        badgeKey(before.options.badges.get(link.id)) !== badgeKey(after.options.badges.get(link.id)));
    if (!changed) continue;
    linkRect(link, now);
    if (prev) linkRect(prev, old);
  }
  for (const link of before.board.links) if (!newIds.has(link.id)) linkRect(link, old);
  return rects;
}

/** Merges overlapping rectangles so no area is repainted twice; many small ones become their union. */
export function mergeRects(rects: readonly Rect[], most = 12): Rect[] {
  let list = [...rects];
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Rect;
        const b = list[j] as Rect;
        if (a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h) {
          list[i] = union(a, b);
          list.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  if (list.length > most) list = [list.reduce(union)];
  return list;
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

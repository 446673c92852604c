/**
 * The board's items and links in a spatial index, kept in step with the read model by
 * identity: the reader hands out the same item object while an item is unchanged, so a sync
 * touches only what changed. Answers the canvas's questions: what is in this rectangle (for
 * culling and the marquee), what is under this point, which link passes here.
 */
import {
  boundaryLine,
  distanceToSegment,
  inflateRect,
  itemBounds,
  linkSegment,
  type Point,
  type Rect,
} from './geometry';
import type { BoardLink } from './links/link';
import type { BoardReadModel } from './readBoard';
import type { BoardItem } from './schema';
import { createSpatialIndex } from './spatialIndex';

/** An item's box as displayed (cards grow with their text); defaults to its stored bounds. */
export type BoxOf = (item: BoardItem) => Rect;

/** Spatial queries over one board, updated with `sync`. */
export interface BoardIndex {
  /** Brings the index up to a newer read model; cheap when little changed. */
  sync(board: BoardReadModel): void;
  /** Forgets every box (the display boxes changed, e.g. fonts loaded) and rebuilds on the next sync. */
  invalidate(): void;
  /** The display box of an item by id. */
  boxOf(id: string): Rect | undefined;
  /** Items whose display boxes touch `rect`, in z-order (bottom first). */
  itemsInRect(rect: Rect): BoardItem[];
  /** Items under a point within `tolerance`, topmost first (boundary lines by distance to the line). */
  itemsAt(p: Point, tolerance: number): BoardItem[];
  /** The topmost item under a point within `tolerance`. */
  topItemAt(p: Point, tolerance: number): BoardItem | undefined;
  /** Links passing within `tolerance` of a point, nearest first. */
  linksAt(p: Point, tolerance: number): BoardLink[];
}

/** Creates an index using `boxOf` for display boxes. */
export function createBoardIndex(boxOf: BoxOf = itemBounds): BoardIndex {
  const items = createSpatialIndex();
  const links = createSpatialIndex();
  let board: BoardReadModel | null = null;
  let known = new Map<string, BoardItem>();
  let knownLinks = new Map<string, BoardLink>();
  let z = new Map<string, number>();

  const linkBox = (link: BoardLink): Rect | null => {
    const a = items.get(link.from);
    const b = items.get(link.to);
    if (!a || !b) return null;
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  };

  const hits = (item: BoardItem, p: Point, tolerance: number): boolean => {
    if (item.kind === 'boundary') return distanceToSegment(p, boundaryLine(item)) <= tolerance;
    const box = inflateRect(items.get(item.id) as Rect, tolerance);
    return p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h;
  };

  const index: BoardIndex = {
    sync(next) {
      if (next === board) return;
      const previous = board;
      board = next;
      const changed = new Set<string>();
      const seen = new Map<string, BoardItem>();
      for (const item of next.items) {
        seen.set(item.id, item);
        if (known.get(item.id) !== item) {
          items.set(item.id, boxOf(item));
          changed.add(item.id);
        }
      }
      for (const id of known.keys()) {
        if (!seen.has(id)) {
          items.delete(id);
          changed.add(id);
        }
      }
      known = seen;
      if (next.items !== previous?.items) z = new Map(next.items.map((item, i) => [item.id, i]));
      const seenLinks = new Map<string, BoardLink>();
      for (const link of next.links) {
        seenLinks.set(link.id, link);
        if (knownLinks.get(link.id) === link && !changed.has(link.from) && !changed.has(link.to)) continue;
        const box = linkBox(link);
        if (box) links.set(link.id, box);
        else links.delete(link.id);
      }
      for (const id of knownLinks.keys()) if (!seenLinks.has(id)) links.delete(id);
      knownLinks = seenLinks;
    },
    invalidate() {
      board = null;
      known = new Map();
      knownLinks = new Map();
      items.clear();
      links.clear();
    },
    boxOf: (id) => items.get(id),
    itemsInRect(rect) {
      return items
        .search(rect)
        .map((id) => known.get(id) as BoardItem)
        .sort((a, b) => (z.get(a.id) ?? 0) - (z.get(b.id) ?? 0));
    },
    itemsAt(p, tolerance) {
      const near = items.search({
        x: p.x - tolerance,
        y: p.y - tolerance,
        w: 2 * tolerance,
        h: 2 * tolerance,
      });
      return near
        .map((id) => known.get(id) as BoardItem)
        .filter((item) => hits(item, p, tolerance))
        .sort((a, b) => (z.get(b.id) ?? 0) - (z.get(a.id) ?? 0));
    },
    topItemAt: (p, tolerance) => index.itemsAt(p, tolerance)[0],
    linksAt(p, tolerance) {
      const near = links.search({
        x: p.x - tolerance,
        y: p.y - tolerance,
        w: 2 * tolerance,
        h: 2 * tolerance,
      });
      const found: { link: BoardLink; distance: number }[] = [];
      for (const id of near) {
        const link = knownLinks.get(id) as BoardLink;
        const a = items.get(link.from);
        const b = items.get(link.to);
        const from = a && known.get(link.from);
        const to = b && known.get(link.to);
        if (!a || !b || !from || !to) continue;
        // Links run between display boxes; a boundary's box is its line's bounds, as in itemBounds.
        const segment = linkSegment({ ...from, ...a }, { ...to, ...b });
        const distance = segment ? distanceToSegment(p, segment) : Infinity;
        if (distance <= tolerance) found.push({ link, distance });
      }
      return found.sort((x, y) => x.distance - y.distance).map((f) => f.link);
    },
  };
  return index;
}

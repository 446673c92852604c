/**
 * A uniform grid of boxes keyed by id: the canvas asks "what is near here" on every pointer
 * event and every camera move, and a board of thousands of items must not be scanned each time.
 * Boxes covering very many cells (a huge frame or boundary) live in a side list instead, so
 * one giant item never costs thousands of cell entries.
 */
import { rectsIntersect, type Rect } from './geometry';

/** Board units per grid cell: a few cards wide, so a screen covers tens of cells at 100 %. */
const CELL = 512;
/** Boxes spanning more cells than this are kept in the side list. */
const MAX_CELLS = 256;

/** Ids stored with their boxes; queries return ids whose boxes touch a rectangle. */
export interface SpatialIndex {
  /** Adds or replaces the box of an id. */
  set(id: string, box: Rect): void;
  /** Forgets an id. */
  delete(id: string): void;
  /** The box stored for an id. */
  get(id: string): Rect | undefined;
  /** Ids whose boxes touch `rect` (edges included), in no particular order. */
  search(rect: Rect): string[];
  /** How many ids it holds. */
  readonly size: number;
  /** Forgets everything. */
  clear(): void;
}

interface Span {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function spanOf(box: Rect): Span {
  return {
    x0: Math.floor(box.x / CELL),
    y0: Math.floor(box.y / CELL),
    x1: Math.floor((box.x + box.w) / CELL),
    y1: Math.floor((box.y + box.h) / CELL),
  };
}

const cellCount = (s: Span) => (s.x1 - s.x0 + 1) * (s.y1 - s.y0 + 1);
const key = (x: number, y: number) => `${x},${y}`;

/** Creates an empty index. */
export function createSpatialIndex(): SpatialIndex {
  const boxes = new Map<string, Rect>();
  const cells = new Map<string, Set<string>>();
  const large = new Set<string>();

  const eachCell = (s: Span, visit: (k: string) => void) => {
    for (let x = s.x0; x <= s.x1; x++) for (let y = s.y0; y <= s.y1; y++) visit(key(x, y));
  };

  const remove = (id: string) => {
    const box = boxes.get(id);
    if (!box) return;
    boxes.delete(id);
    if (large.delete(id)) return;
    eachCell(spanOf(box), (k) => {
      const cell = cells.get(k);
      cell?.delete(id);
      if (cell?.size === 0) cells.delete(k);
    });
  };

  return {
    set(id, box) {
      remove(id);
      boxes.set(id, box);
      const span = spanOf(box);
      if (cellCount(span) > MAX_CELLS) {
        large.add(id);
        return;
      }
      eachCell(span, (k) => {
        let cell = cells.get(k);
        if (!cell) cells.set(k, (cell = new Set()));
        cell.add(id);
      });
    },
    delete: remove,
    get: (id) => boxes.get(id),
    search(rect) {
      const found = new Set<string>();
      const span = spanOf(rect);
      // A query wider than the board (zoomed far out) is cheaper as a plain scan.
      if (cellCount(span) > boxes.size) {
        for (const [id, box] of boxes) if (rectsIntersect(rect, box)) found.add(id);
        return [...found];
      }
      eachCell(span, (k) => {
        const cell = cells.get(k);
        if (!cell) return;
        for (const id of cell) {
          if (!found.has(id) && rectsIntersect(rect, boxes.get(id) as Rect)) found.add(id);
        }
      });
      for (const id of large) if (rectsIntersect(rect, boxes.get(id) as Rect)) found.add(id);
      return [...found];
    },
    get size() {
      return boxes.size;
    },
    clear() {
      boxes.clear();
      cells.clear();
      large.clear();
    },
  };
}

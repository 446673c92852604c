/**
 * Item bitmaps: each item painted once into an offscreen canvas and blitted from then on, so a
 * card's text is laid out and rasterised when the card, the zoom bucket or the drawing options
 * change, never on a pan. Keyed by the item object (the board reader keeps it identical while
 * the item is unchanged); least recently used bitmaps go first when the pixel budget is spent.
 */
import type { Rect } from '../../../shared/geometry';
import type { BoardItem } from '../../../shared/schema';
import type { DrawOptions } from '../../../shared/render/primitives';
import { itemPaintBox, paintItem, type ItemPaintOptions } from '../paint/paintItem';

/** One painted item: the canvas and the board rectangle it covers. */
export interface ItemBitmap {
  readonly canvas: HTMLCanvasElement | OffscreenCanvas;
  readonly box: Rect;
}

interface Entry extends ItemBitmap {
  readonly item: BoardItem;
  readonly key: string;
  readonly pixels: number;
}

/** Bitmaps larger than this are not cached: big frames are cheap to paint directly. */
const MAX_BITMAP_PIXELS = 1_500_000;

/** The raster scale for a device scale: the nearest power of √2, so small zoom steps reuse bitmaps. */
export function scaleBucket(scale: number): number {
  return 2 ** (Math.round(Math.log2(Math.max(scale, 1e-3)) * 2) / 2);
}

/** A canvas to paint into, offscreen where the browser has one. */
export function createCanvas(width: number, height: number): HTMLCanvasElement | OffscreenCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** The board rectangle an item's drawing may cover (a marker's caption runs past its line). */
export function paintedBox(item: BoardItem, options: DrawOptions): Rect {
  return itemPaintBox(item, options);
}

/** Creates a bitmap cache holding at most `maxPixels` pixels. */
export function createItemCache(maxPixels = 24_000_000) {
  const byItem = new WeakMap<BoardItem, Map<string, Entry>>();
  // A Set iterates in insertion order: re-inserting on use keeps the oldest first.
  const recency = new Set<Entry>();
  let pixels = 0;

  const evict = (entry: Entry) => {
    recency.delete(entry);
    byItem.get(entry.item)?.delete(entry.key);
    pixels -= entry.pixels;
  };

  return {
    /** The item's bitmap at a device scale (zoom × pixel ratio), painted now if missing; null when too large. */
    get(item: BoardItem, scale: number, options: ItemPaintOptions): ItemBitmap | null {
      const bucket = scaleBucket(scale);
      const key = `${bucket}|${options.detail}|${options.language}|${options.locked ? 1 : 0}`;
      let perItem = byItem.get(item);
      const found = perItem?.get(key);
      if (found) {
        recency.delete(found);
        recency.add(found);
        return found;
      }
      const box = paintedBox(item, options);
      const width = Math.ceil(box.w * bucket);
      const height = Math.ceil(box.h * bucket);
      if (width * height > MAX_BITMAP_PIXELS || width < 1 || height < 1) return null;
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d') as
        CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
      if (!ctx) return null;
      ctx.scale(bucket, bucket);
      ctx.translate(item.x - box.x, item.y - box.y);
      paintItem(ctx, item, options);
      const entry: Entry = { item, key, canvas, box, pixels: width * height };
      if (!perItem) {
        perItem = new Map();
        byItem.set(item, perItem);
      }
      perItem.set(key, entry);
      recency.add(entry);
      pixels += entry.pixels;
      for (const old of recency) {
        if (pixels <= maxPixels || old === entry) break;
        evict(old);
      }
      return entry;
    },
    /** Pixels held, for tests and the benchmark. */
    pixels: () => pixels,
    /** Drops every bitmap. */
    clear() {
      [...recency].forEach(evict);
    },
  };
}

/** The item cache's type. */
export type ItemCache = ReturnType<typeof createItemCache>;

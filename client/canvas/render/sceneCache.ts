/**
 * The static board, grid included, as one opaque offscreen bitmap: the screen plus a margin on
 * every side, painted at the current zoom and copied whole into the scene layer's canvas (as
 * large, placed a margin up and left). A pan only moves that canvas with a CSS transform,
 * until the view leaves the margin; an edit repaints only the rectangles it changed; a zoom repaints (while
 * the zoom keeps changing, the old bitmap is scaled and the repaint waits for it to settle).
 */
import type { Point, Rect } from '../../../shared/geometry';
import type { BoardReadModel } from '../../../shared/readBoard';
import type { BoardItem } from '../../../shared/schema';
import type { Viewport } from '../../editor/viewport';
import { dirtyRects, mergeRects, type SceneState } from './dirty';
import { CANVAS_BACKGROUND } from '../theme';
import { paintGrid } from './grid';
import { createCanvas, type ItemCache } from './itemCache';
import { itemPaintOptions, itemsIn, paintScene, type SceneOptions } from './scene';

/** Screen pixels painted beyond each edge, so a pan of that much needs no repaint. */
export const MARGIN_CSS_PX = 320;
/** Zoom changes closer together than this are one continuous zoom. */
const CONTINUOUS_MS = 250;
/** How long after the last zoom step the scaled bitmap is replaced by a sharp one. */
const SETTLE_MS = 180;

interface Painted extends SceneState {
  readonly offsetX: number;
  readonly offsetY: number;
  readonly zoom: number;
  readonly dpr: number;
  readonly width: number;
  readonly height: number;
  readonly margin: number;
}

/** The CSS translation that shows `camera` from a bitmap painted for another offset, snapped to device pixels. */
function shiftOf(p: Painted, camera: Viewport): Point {
  return {
    x: Math.round((camera.offsetX - p.offsetX) * p.dpr) / p.dpr,
    y: Math.round((camera.offsetY - p.offsetY) * p.dpr) / p.dpr,
  };
}

/** What a repaint cost, for tests and the benchmark. */
export interface SceneStats {
  fullPaints: number;
  partialPaints: number;
  blits: number;
}

function sameLook(a: SceneOptions, b: SceneOptions): boolean {
  return (
    a.language === b.language &&
    a.detail === b.detail &&
    a.captions === b.captions &&
    sameHighlight(a.highlight, b.highlight)
  );
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

function sameHighlight(a: SceneOptions['highlight'], b: SceneOptions['highlight']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameSet(a.items, b.items) && sameSet(a.links, b.links);
}

/** Creates the scene cache; `onSettle` asks for one more draw once a continuous zoom stops. */
export function createSceneCache(itemCache: ItemCache, onSettle: () => void) {
  let canvas: HTMLCanvasElement | OffscreenCanvas | null = null;
  let ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;
  let painted: Painted | null = null;
  let lastZoom = NaN;
  let lastZoomAt = -Infinity;
  let settle: ReturnType<typeof setTimeout> | null = null;
  let sharpen = false;
  const stats: SceneStats = { fullPaints: 0, partialPaints: 0, blits: 0 };

  /** Board transform into the cache bitmap for a camera. */
  const boardTransform = (p: Painted) => {
    const s = p.zoom * p.dpr;
    ctx?.setTransform(s, 0, 0, s, p.offsetX * p.dpr + p.margin, p.offsetY * p.dpr + p.margin);
  };

  const regionOf = (p: Painted): Rect => ({
    x: (-p.margin / p.dpr - p.offsetX) / p.zoom,
    y: (-p.margin / p.dpr - p.offsetY) / p.zoom,
    w: (p.width + (2 * p.margin) / p.dpr) / p.zoom,
    h: (p.height + (2 * p.margin) / p.dpr) / p.zoom,
  });

  const paintFull = (camera: Viewport, dpr: number, state: SceneState) => {
    const margin = Math.round(MARGIN_CSS_PX * dpr);
    const w = Math.ceil(camera.width * dpr) + 2 * margin;
    const h = Math.ceil(camera.height * dpr) + 2 * margin;
    if (!canvas || canvas.width !== w || canvas.height !== h) {
      canvas = createCanvas(w, h);
      ctx = canvas.getContext('2d', { alpha: false }) as
        CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    }
    if (!ctx) return;
    const next: Painted = {
      ...state,
      offsetX: camera.offsetX,
      offsetY: camera.offsetY,
      zoom: camera.zoom,
      dpr,
      width: camera.width,
      height: camera.height,
      margin,
    };
    boardTransform(next);
    const region = regionOf(next);
    paintGrid(ctx, region, camera.zoom);
    paintScene(ctx, state.board, region, camera.zoom * dpr, itemCache, state.options);
    painted = next;
    stats.fullPaints++;
    warmAround(next);
  };

  /** Repaints board rectangles, each snapped to whole device pixels so no seams show. */
  const paintRects = (p: Painted, rects: readonly Rect[]) => {
    if (!ctx || !canvas) return;
    const s = p.zoom * p.dpr;
    for (const r of rects) {
      const x0 = Math.max(0, Math.floor(r.x * s + p.offsetX * p.dpr + p.margin));
      const y0 = Math.max(0, Math.floor(r.y * s + p.offsetY * p.dpr + p.margin));
      const x1 = Math.min(canvas.width, Math.ceil((r.x + r.w) * s + p.offsetX * p.dpr + p.margin));
      const y1 = Math.min(canvas.height, Math.ceil((r.y + r.h) * s + p.offsetY * p.dpr + p.margin));
      if (x1 <= x0 || y1 <= y0) continue;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.beginPath();
      ctx.rect(x0, y0, x1 - x0, y1 - y0);
      ctx.clip();
      boardTransform(p);
      const region = {
        x: (x0 - p.margin - p.offsetX * p.dpr) / s,
        y: (y0 - p.margin - p.offsetY * p.dpr) / s,
        w: (x1 - x0) / s,
        h: (y1 - y0) / s,
      };
      paintGrid(ctx, region, p.zoom);
      paintScene(ctx, p.board, region, s, itemCache, p.options);
      ctx.restore();
    }
    stats.partialPaints++;
  };

  /**
   * Shifts the bitmap by whole device pixels so it is centred on the view again, and returns
   * the board rectangles the shift uncovered (still to paint).
   */
  const recentre = (p: Painted, dx: number, dy: number): Rect[] => {
    if (!ctx || !canvas) return [];
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(canvas, dx, dy);
    ctx.restore();
    const moved: Painted = { ...p, offsetX: p.offsetX + dx / p.dpr, offsetY: p.offsetY + dy / p.dpr };
    painted = moved;
    const s = moved.zoom * moved.dpr;
    const toBoard = (x0: number, y0: number, x1: number, y1: number): Rect => ({
      x: (x0 - moved.margin - moved.offsetX * moved.dpr) / s,
      y: (y0 - moved.margin - moved.offsetY * moved.dpr) / s,
      w: (x1 - x0) / s,
      h: (y1 - y0) / s,
    });
    const w = canvas.width;
    const h = canvas.height;
    const strips: Rect[] = [];
    if (dx > 0) strips.push(toBoard(0, 0, dx, h));
    if (dx < 0) strips.push(toBoard(w + dx, 0, w, h));
    if (dy > 0) strips.push(toBoard(0, 0, w, dy));
    if (dy < 0) strips.push(toBoard(0, h + dy, w, h));
    return strips;
  };

  // The cards a pan is about to uncover, painted into their bitmaps while the page is idle:
  // made during the frame that uncovers them, they cost more than the rest of that frame.
  let warming: number | null = null;
  const stopWarming = () => {
    if (warming !== null) cancelIdleCallback(warming);
    warming = null;
  };
  const warmAround = (p: Painted) => {
    stopWarming();
    if (p.options.detail !== 'full' || typeof requestIdleCallback === 'undefined') return;
    let queue: BoardItem[] | null = null;
    let next = 0;
    const step = (deadline: IdleDeadline) => {
      warming = null;
      // Whatever was painted since (moved along, not rescaled nor changed) is what to warm around.
      const now = painted;
      if (!now || now.zoom !== p.zoom || now.board !== p.board || now.options !== p.options) return;
      const region = regionOf(now);
      const pad = now.margin / now.dpr / now.zoom;
      const band = { x: region.x - pad, y: region.y - pad, w: region.w + 2 * pad, h: region.h + 2 * pad };
      queue ??= itemsIn(p.board, band, p.options).filter((item) => !p.options.hidden.has(item.id));
      while (next < queue.length && deadline.timeRemaining() > 2) {
        const item = queue[next++] as BoardItem;
        itemCache.get(item, p.zoom * p.dpr, itemPaintOptions(item, p.options));
      }
      if (next < queue.length) warming = requestIdleCallback(step);
    };
    warming = requestIdleCallback(step);
  };

  const scheduleSettle = () => {
    if (settle) clearTimeout(settle);
    settle = setTimeout(() => {
      settle = null;
      sharpen = true;
      onSettle();
    }, SETTLE_MS);
  };

  return {
    stats,
    /**
     * Draws the scene for `camera` into `target` (the scene layer's context, the screen plus
     * the margin), repainting the cache only as much as needed; returns the CSS shift to apply.
     */
    draw(
      target: CanvasRenderingContext2D,
      camera: Viewport,
      dpr: number,
      board: BoardReadModel,
      options: SceneOptions,
    ): Point {
      const now = performance.now();
      if (camera.zoom !== lastZoom) {
        const continuous = now - lastZoomAt < CONTINUOUS_MS;
        lastZoom = camera.zoom;
        lastZoomAt = now;
        if (continuous && painted && canvas && !sharpen) {
          // Mid-zoom: stretch what is there; a sharp repaint follows when the zoom rests.
          const k = camera.zoom / painted.zoom;
          target.save();
          target.setTransform(1, 0, 0, 1, 0, 0);
          target.imageSmoothingEnabled = true;
          const m = Math.round(MARGIN_CSS_PX * dpr);
          target.fillStyle = CANVAS_BACKGROUND;
          target.fillRect(0, 0, target.canvas.width, target.canvas.height);
          target.drawImage(
            canvas,
            (-painted.margin - painted.offsetX * dpr) * k + camera.offsetX * dpr + m,
            (-painted.margin - painted.offsetY * dpr) * k + camera.offsetY * dpr + m,
            canvas.width * k,
            canvas.height * k,
          );
          target.restore();
          scheduleSettle();
          return { x: 0, y: 0 };
        }
      }
      sharpen = false;
      const state: SceneState = { board, options };
      const shiftX = painted ? (camera.offsetX - painted.offsetX) * dpr : 0;
      const shiftY = painted ? (camera.offsetY - painted.offsetY) * dpr : 0;
      if (
        !painted ||
        !canvas ||
        painted.zoom !== camera.zoom ||
        painted.dpr !== dpr ||
        painted.width !== camera.width ||
        painted.height !== camera.height ||
        Math.abs(shiftX) >= canvas.width - painted.margin ||
        Math.abs(shiftY) >= canvas.height - painted.margin ||
        !sameLook(painted.options, options)
      ) {
        paintFull(camera, dpr, state);
      } else {
        const changed =
          painted.board !== board || painted.options !== options
            ? mergeRects(dirtyRects(painted, state))
            : [];
        // The view left the margin: move what is painted along and paint only the strips it
        // uncovered. The strips stay apart from the merge: a pan's two strips form an L whose
        // union is the whole bitmap, and painting that cost a long frame every 300 px of a pan.
        const strips =
          Math.abs(shiftX) > painted.margin || Math.abs(shiftY) > painted.margin
            ? recentre(painted, Math.round(shiftX), Math.round(shiftY))
            : [];
        const merged = [...strips, ...changed];
        const region = regionOf(painted);
        const area = merged.reduce((sum, r) => sum + r.w * r.h, 0);
        painted = { ...painted, board, options };
        if (area > region.w * region.h * 0.6) paintFull(camera, dpr, state);
        else if (merged.length) paintRects(painted, merged);
        if (merged.length && painted) warmAround(painted);
      }
      const p = painted;
      if (!p || !canvas) return { x: 0, y: 0 };
      target.save();
      target.setTransform(1, 0, 0, 1, 0, 0);
      target.drawImage(canvas, 0, 0);
      target.restore();
      stats.blits++;
      return shiftOf(p, camera);
    },
    /**
     * Where the drawn canvas must be moved (CSS pixels) to show `camera`, or null when the
     * cache must be drawn again first (zoom, size or content changed, or the margin ran out).
     */
    shift(camera: Viewport, dpr: number, board: BoardReadModel, options: SceneOptions): Point | null {
      const p = painted;
      if (!p || p.zoom !== camera.zoom || p.dpr !== dpr || p.board !== board || p.options !== options)
        return null;
      if (p.width !== camera.width || p.height !== camera.height || settle) return null;
      const shift = shiftOf(p, camera);
      return Math.abs(shift.x * dpr) > p.margin || Math.abs(shift.y * dpr) > p.margin ? null : shift;
    },
    /** Forgets the bitmap: the next draw paints everything. */
    invalidate() {
      painted = null;
    },
    dispose() {
      if (settle) clearTimeout(settle);
      stopWarming();
      canvas = null;
      ctx = null;
      painted = null;
    },
  };
}

/** The scene cache's type. */
export type SceneCache = ReturnType<typeof createSceneCache>;

/**
 * The canvas renderer: owns the item and scene caches and the two Konva layers, and redraws
 * them imperatively when the camera, the gesture or the board changes. React hands it the
 * newest board state with `update`; the camera and the interaction it reads live.
 */
import type Konva from 'konva';
import type { BoardReadModel } from '../../../shared/readBoard';
import type { Language } from '../../../shared/ydoc';
import type { Interaction } from '../../editor/tools/types';
import type { Viewport } from '../../editor/viewport';
import type { CrossingBadge, Highlight } from '../highlight';
import { createItemCache } from './itemCache';
import { drawOverlay } from './overlay';
import { captionLevel, LOW_DETAIL_ZOOM, type SceneOptions } from './scene';
import { createSceneCache, MARGIN_CSS_PX } from './sceneCache';

/** What React passes down on every render. */
export interface RenderState {
  readonly board: BoardReadModel;
  readonly selection: readonly string[];
  readonly selectedLink: string | null;
  readonly editable: boolean;
  readonly language: Language;
  readonly highlight: Highlight | null;
  readonly badges: ReadonlyMap<string, readonly CrossingBadge[]>;
  readonly locked: ReadonlySet<string>;
}

/** The live sources the renderer reads at draw time. */
export interface LiveSources {
  readonly camera: { get(): Viewport };
  readonly interaction: { get(): Interaction };
}

const NO_IDS: ReadonlySet<string> = new Set();

function nativeContext(context: Konva.Context): CanvasRenderingContext2D {
  return (context as unknown as { _context: CanvasRenderingContext2D })._context;
}

function pixelRatio(shape: Konva.Shape): number {
  return shape.getLayer()?.getCanvas().getPixelRatio() ?? 1;
}

/** What the canvas reports outward, kept current by `update`. */
export interface RenderCallbacks {
  /** After each scene drawing. */
  onDrawn?(): void;
  onItemMenu(id: string, at: { x: number; y: number }): void;
}

/** Creates a renderer. */
export function createRenderer() {
  let callbacks: RenderCallbacks | null = null;
  const items = createItemCache();
  let sceneLayer: Konva.Layer | null = null;
  let overlayLayer: Konva.Layer | null = null;
  const scene = createSceneCache(items, () => sceneLayer?.batchDraw());
  let sources: LiveSources | null = null;
  let state: RenderState | null = null;
  let placed = '';
  /** Moves the scene layer's canvas; the compositor shows the pan without a repaint. */
  /** Redraws the overlay when it shows something; an empty one is hidden, so nothing composites it. */
  const refreshOverlay = () => {
    const shown = overlayHasContent();
    if (shown) overlayLayer?.batchDraw();
    if (shown !== overlayShown) overlayLayer?.visible(shown);
    overlayShown = shown;
  };
  const place = (shift: { x: number; y: number }) => {
    const transform = shift.x || shift.y ? `translate(${shift.x}px, ${shift.y}px)` : '';
    if (!sceneLayer || transform === placed) return;
    sceneLayer.getNativeCanvasElement().style.transform = transform;
    placed = transform;
  };
  let memo: { key: readonly unknown[]; value: SceneOptions } | null = null;
  // An empty overlay that stays empty is not redrawn: clearing it would still cost an upload.
  let overlayShown = true;
  const overlayHasContent = () => {
    const i = sources?.interaction.get();
    return (state?.selection.length ?? 0) > 0 || !!(i?.drag || i?.resize || i?.marquee || i?.linkDraft);
  };

  /** Scene options that keep their identity while nothing in them changed. */
  const options = (s: RenderState, live: LiveSources): SceneOptions => {
    const zoom = live.camera.get().zoom;
    const detail = zoom < LOW_DETAIL_ZOOM ? 'low' : 'full';
    const captions = captionLevel(zoom);
    const i = live.interaction.get();
    const hidden = [...(i.drag?.ids ?? []), ...(i.resize ? [i.resize.id] : [])].sort().join('\n');
    const key = [s.language, s.highlight, s.selectedLink, s.badges, s.locked, detail, captions, hidden];
    if (memo && memo.key.every((k, n) => k === key[n])) return memo.value;
    const value: SceneOptions = {
      language: s.language,
      highlight: s.highlight,
      selectedLink: s.selectedLink,
      badges: s.badges,
      locked: s.locked,
      detail,
      captions,
      hidden: hidden ? new Set(hidden.split('\n')) : NO_IDS,
    };
    memo = { key, value };
    return value;
  };

  /** Shifts the drawn scene if the cache still covers the view and nothing changed, else redraws it. */
  const refresh = (): void => {
    const layer = sceneLayer;
    if (!layer || !state || !sources) return;
    const shift = scene.shift(
      sources.camera.get(),
      layer.getCanvas().getPixelRatio(),
      state.board,
      options(state, sources),
    );
    if (shift) place(shift);
    else layer.batchDraw();
    refreshOverlay();
  };

  return {
    /** Konva layer refs. */
    sceneLayer: (layer: Konva.Layer | null) => {
      sceneLayer = layer;
      // Its own compositing layer: moving it repaints nothing else.
      if (layer) layer.getNativeCanvasElement().style.willChange = 'transform';
    },
    overlayLayer: (layer: Konva.Layer | null) => {
      overlayLayer = layer;
    },
    /** The scene shape's drawing: a copy from the scene cache. */
    drawScene(context: Konva.Context, shape: Konva.Shape): void {
      if (!state || !sources) return;
      scene.draw(
        nativeContext(context),
        sources.camera.get(),
        pixelRatio(shape),
        state.board,
        options(state, sources),
      );
      callbacks?.onDrawn?.();
    },
    /** The overlay shape's drawing. */
    drawOverlay(context: Konva.Context, shape: Konva.Shape): void {
      if (!state || !sources) return;
      drawOverlay(
        nativeContext(context),
        sources.camera.get(),
        pixelRatio(shape),
        MARGIN_CSS_PX,
        {
          board: state.board,
          selection: state.selection,
          editable: state.editable,
          interaction: sources.interaction.get(),
          options: options(state, sources),
        },
        items,
      );
    },
    /** New board state from React, or new live sources (a new editor). */
    update(next: RenderState, live: LiveSources, calls: RenderCallbacks): void {
      state = next;
      sources = live;
      callbacks = calls;
    },
    /** Opens an item's menu through the newest callbacks (the tool host calls this). */
    openItemMenu(id: string, at: { x: number; y: number }): void {
      callbacks?.onItemMenu(id, at);
    },
    /** Redraws both layers on the next frame. */
    /** The camera moved: shift the drawn scene if the cache still covers the view, else redraw it. */
    cameraMoved: refresh,
    /** Something React passed may have changed: the same as a camera move (unchanged state only shifts). */
    redraw: refresh,
    /** Scene cache counters, for tests and the benchmark. */
    stats: scene.stats,
    dispose(): void {
      scene.dispose();
      items.clear();
    },
  };
}

/** The renderer's type. */
export type Renderer = ReturnType<typeof createRenderer>;

/**
 * The automation surface for benchmark harnesses (README, "Benchmarks"): `window.__olievlek`
 * says when the synced board is first drawn and moves the camera by screen pixels, so a
 * harness measures the renderer rather than its own input plumbing.
 */
import { useEffect } from 'react';
import type { Point } from '../../shared/geometry';
import type { Editor } from '../editor/editor';
import { panBy, type Viewport } from '../editor/viewport';

/** What a harness finds on `window.__olievlek`. */
export interface Automation {
  /** The board is synced and its first complete draw is done. */
  readonly ready: boolean;
  /** `performance.now()` of that first complete draw, or null before it. */
  readonly tDrawn: number | null;
  /** Moves the camera by screen pixels (content follows the pointer's direction). */
  panBy(dx: number, dy: number): void;
  /** The centre of an item in client (page) pixels, or null when there is no such item. */
  pointOf(itemId: string): Point | null;
}

// A renderer may report before the surface is installed (child effects run before the parent's).
let drawnAt: number | null = null;

/** Called by the renderer once, after its first complete draw of the synced board. */
export function reportDrawn(): void {
  drawnAt ??= performance.now();
}

/** The board view's own origin on the page: the canvas element (its layers reach beyond it). */
function boardOrigin(): Point {
  const rect = document.querySelector('.canvas')?.getBoundingClientRect();
  return { x: rect?.left ?? 0, y: rect?.top ?? 0 };
}

/** Sets `window.__olievlek` for a synced editor; returns the function that removes it. */
export function installAutomation(editor: Editor): () => void {
  // A live camera, where the editor has one (issue 11's rebuild), moves without a React render
  // per frame, and the snapshot's viewport trails it.
  const live = editor as Editor & {
    camera?: { get(): Viewport };
    moveCamera?: (viewport: Viewport) => void;
  };
  const view = () => live.camera?.get() ?? editor.getSnapshot().viewport;
  const surface: Automation = {
    get ready() {
      return drawnAt !== null;
    },
    get tDrawn() {
      return drawnAt;
    },
    panBy(dx, dy) {
      if (live.moveCamera && live.camera) live.moveCamera(panBy(live.camera.get(), dx, dy));
      else editor.panBy(dx, dy);
    },
    pointOf(itemId) {
      const viewport = view();
      const item = editor.getSnapshot().board.items.find((candidate) => candidate.id === itemId);
      if (!item) return null;
      const origin = boardOrigin();
      return {
        x: origin.x + (item.x + item.w / 2) * viewport.zoom + viewport.offsetX,
        y: origin.y + (item.y + item.h / 2) * viewport.zoom + viewport.offsetY,
      };
    },
  };
  const host = window as unknown as { __olievlek?: Automation };
  host.__olievlek = surface;
  return () => {
    if (host.__olievlek === surface) delete host.__olievlek;
    drawnAt = null;
  };
}

/**
 * Installs the surface while a synced board is shown. With `drawnAfterFrames`, the first draw
 * is taken as two animation frames after mount (today's Konva canvas draws on the next frame);
 * a renderer that calls `reportDrawn` itself passes 0.
 */
export function useAutomation(editor: Editor, drawnAfterFrames = 2): void {
  useEffect(() => {
    const uninstall = installAutomation(editor);
    let frame = 0;
    const tick = (left: number) => {
      if (left <= 0) reportDrawn();
      else frame = requestAnimationFrame(() => tick(left - 1));
    };
    if (drawnAfterFrames > 0) tick(drawnAfterFrames);
    return () => {
      cancelAnimationFrame(frame);
      uninstall();
    };
  }, [editor, drawnAfterFrames]);
}

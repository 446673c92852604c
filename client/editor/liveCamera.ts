/**
 * The camera as it moves: a pan or pinch changes it on every frame, and the canvas follows
 * it imperatively, while the snapshot (and so React, culling in panels, presence) only hears
 * of it at most every `delayMs`, after the last move, and when the gesture ends.
 */
import { createStore } from './store';
import type { Viewport } from './viewport';

/** Read access to the live camera. */
export interface LiveCameraView {
  get(): Viewport;
  subscribe(listener: () => void): () => void;
}

/** How often a running camera gesture reaches the snapshot. */
export const CAMERA_COMMIT_MS = 120;

/** Creates the live camera; `commit` writes a viewport into the snapshot. */
export function createLiveCamera(
  initial: Viewport,
  commit: (viewport: Viewport) => void,
  delayMs = CAMERA_COMMIT_MS,
) {
  const store = createStore(initial);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    view: { get: store.get, subscribe: store.subscribe } satisfies LiveCameraView,
    /** A continuous move: the live camera now, the snapshot on the trailing edge. */
    move(viewport: Viewport) {
      store.set(viewport);
      timer ??= setTimeout(() => {
        timer = null;
        commit(store.get());
      }, delayMs);
    },
    /** Writes the live camera into the snapshot now (the gesture ended). */
    commit() {
      stop();
      commit(store.get());
    },
    /** The snapshot's viewport was set directly: the live camera jumps there, a pending commit is dropped. */
    reset(viewport: Viewport) {
      stop();
      store.set(viewport);
    },
    dispose: stop,
  };
}

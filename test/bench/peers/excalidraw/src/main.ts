/**
 * Excalidraw on the bench's scene (`?scene=N` loads `scenes/N.json`, element skeletons the
 * bench writes from the same synthetic board Olievlek loads), with the harness contract of
 * Olievlek's `window.__olievlek` as `window.__peer`.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Excalidraw, convertToExcalidrawElements } from '@excalidraw/excalidraw';
import type { ExcalidrawElementSkeleton } from '@excalidraw/excalidraw/data/transform';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';

interface Peer {
  ready: boolean;
  tDrawn: number | null;
  panBy(dx: number, dy: number): void;
  /** Zoom 1 centred on the scene, like Olievlek's `0` after opening. */
  zoomActual(): void;
  /** The whole scene in view, like Olievlek's Shift+1. */
  zoomFit(): void;
  pointOf(id: string): { x: number; y: number } | null;
}

type Host = Window & { __peer?: Peer; EXCALIDRAW_ASSET_PATH?: string };
const host = window as Host;
host.EXCALIDRAW_ASSET_PATH = new URL('./', location.href).href;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function sceneCentre(api: ExcalidrawImperativeAPI): { x: number; y: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // Cards only: an arrow's x + width is not its right edge when it points left.
  for (const element of api.getSceneElements()) {
    if (element.type !== 'rectangle') continue;
    minX = Math.min(minX, element.x);
    minY = Math.min(minY, element.y);
    maxX = Math.max(maxX, element.x + element.width);
    maxY = Math.max(maxY, element.y + element.height);
  }
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
}

function expose(api: ExcalidrawImperativeAPI): Peer {
  return {
    ready: false,
    tDrawn: null,
    panBy(dx, dy) {
      // Screen = (scene + scroll) × zoom, so a screen distance is scroll / zoom.
      const { scrollX, scrollY, zoom } = api.getAppState();
      api.updateScene({
        appState: { scrollX: scrollX + dx / zoom.value, scrollY: scrollY + dy / zoom.value },
      });
    },
    zoomActual() {
      const { width, height } = api.getAppState();
      const centre = sceneCentre(api);
      api.updateScene({
        appState: {
          zoom: { value: 1 as never },
          scrollX: width / 2 - centre.x,
          scrollY: height / 2 - centre.y,
        },
      });
    },
    zoomFit() {
      api.scrollToContent(undefined, { fitToContent: true, animate: false });
    },
    pointOf(id) {
      const element = api.getSceneElements().find((candidate) => candidate.id === id);
      if (!element) return null;
      const { scrollX, scrollY, zoom, offsetLeft, offsetTop } = api.getAppState();
      return {
        x: offsetLeft + (element.x + element.width / 2 + scrollX) * zoom.value,
        y: offsetTop + (element.y + element.height / 2 + scrollY) * zoom.value,
      };
    },
  };
}

async function main(): Promise<void> {
  const size = new URLSearchParams(location.search).get('scene') ?? '200';
  const response = await fetch(`./scenes/${encodeURIComponent(size)}.json`);
  const skeleton = (await response.json()) as ExcalidrawElementSkeleton[];
  const elements = convertToExcalidrawElements(skeleton, { regenerateIds: false });
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    createElement(Excalidraw, {
      initialData: { elements, appState: { viewBackgroundColor: '#ffffff' } },
      excalidrawAPI: (api: ExcalidrawImperativeAPI) => {
        const peer = expose(api);
        host.__peer = peer;
        void (async () => {
          // The same rule as Olievlek's today: drawn two frames after the scene is in.
          while (api.getSceneElements().length === 0) await nextFrame();
          await nextFrame();
          await nextFrame();
          peer.tDrawn = performance.now();
          peer.ready = true;
        })();
      },
    }),
  );
}

void main();

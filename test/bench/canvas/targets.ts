/** The two apps the bench compares, behind one shape: open a board, zoom to 100 %, fit it. */
import type { BrowserContext, Page } from 'playwright-core';
import { settle, waitDrawn, waitIdle, type SurfaceName } from './measure';

/** One app under measurement. */
export interface Target {
  readonly name: 'Excalidraw' | 'Olievlek';
  readonly surface: SurfaceName;
  /** Opens the board of `size` items in a new page of `context`; resolves with `tDrawn`. */
  open(context: BrowserContext, size: number): Promise<{ page: Page; tDrawn: number }>;
  /** 100 %, centred as the app centres it. */
  zoomActual(page: Page): Promise<void>;
  /** The whole board in view. */
  zoomFit(page: Page): Promise<void>;
}

const OPEN_TIMEOUT_MS = 120_000;

/** Olievlek, its boards already loaded on the app server (`urls`: size → facilitator link). */
export function olievlek(urls: ReadonlyMap<number, string>): Target {
  return {
    name: 'Olievlek',
    surface: '__olievlek',
    async open(context, size) {
      const url = urls.get(size);
      if (!url) throw new Error(`no Olievlek board of ${size}`);
      await context.addInitScript(() => window.localStorage.setItem('olievlek.name', 'Bench'));
      const page = await context.newPage();
      await page.goto(url);
      return { page, tDrawn: await waitDrawn(page, '__olievlek', OPEN_TIMEOUT_MS) };
    },
    async zoomActual(page) {
      await page.keyboard.press('0');
      await settle(page);
      await waitIdle(page);
    },
    async zoomFit(page) {
      await page.keyboard.press('Shift+Digit1');
      await settle(page);
      await waitIdle(page);
    },
  };
}

/** The Excalidraw peer page served at `base`, with scenes named by their size. */
export function excalidraw(base: string): Target {
  const call = (page: Page, method: 'zoomActual' | 'zoomFit') =>
    page.evaluate((name) => {
      const peer = (window as unknown as { __peer: Record<string, () => void> }).__peer;
      peer[name]?.();
    }, method);
  return {
    name: 'Excalidraw',
    surface: '__peer',
    async open(context, size) {
      const page = await context.newPage();
      await page.goto(`${base}?scene=${size}`);
      return { page, tDrawn: await waitDrawn(page, '__peer', OPEN_TIMEOUT_MS) };
    },
    async zoomActual(page) {
      await call(page, 'zoomActual');
      await settle(page);
      await waitIdle(page);
    },
    async zoomFit(page) {
      await call(page, 'zoomFit');
      await settle(page);
      await waitIdle(page);
    },
  };
}

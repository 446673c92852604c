/** Reading and driving a board page in the browser, the way a person (or a screen reader) would. */
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestServer } from '../server/helpers';
import { openWatchedPage, type PageWatch } from './browser';

/** What the page's read-only debug handle returns, as plain JSON. */
export interface PageSnapshot {
  board: {
    items: { id: string; kind: string; x: number; y: number; w: number; h: number; text: string }[];
    links: { id: string; kind: string; from: string; to: string; label?: string }[];
  };
  viewport: { offsetX: number; offsetY: number; zoom: number };
  selection: string[];
}

/**
 * Opens a board URL (on the test server) in a fresh context and waits for the canvas; the
 * page's errors go to `watch` from before the first navigation.
 */
export async function openBoard(
  browser: Browser,
  watch: PageWatch,
  server: TestServer,
  url: string,
  size = { width: 1280, height: 800 },
  options: {
    name?: string;
    hasTouch?: boolean;
    isMobile?: boolean;
    /** Runs on the fresh page before it navigates (to install a fake clock, say). */
    beforeGoto?: (page: Page) => Promise<void>;
  } = {},
): Promise<Page> {
  const page = await openWatchedPage(browser, watch, {
    viewport: size,
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
  });
  // A returning participant: this device remembers their name, so no name prompt.
  const name = options.name ?? 'Tester';
  await page.context().addInitScript((value) => window.localStorage.setItem('olievlek.name', value), name);
  await options.beforeGoto?.(page);
  const { pathname, hash } = new URL(url);
  await page.goto(`${server.http}${pathname}${hash}`);
  await page.locator('.canvas canvas').first().waitFor({ timeout: 15_000 });
  // The canvas element comes before its first size and draw; a camera read earlier is stale.
  await page.waitForFunction(
    () => {
      const host = window as {
        __olievlek?: { ready: boolean };
        olievlek?: { snapshot(): { viewport: { width: number } } };
      };
      return host.__olievlek?.ready === true && (host.olievlek?.snapshot().viewport.width ?? 0) > 0;
    },
    null,
    { timeout: 15_000 },
  );
  return page;
}

/** The editor snapshot of a page. */
export function snapshot(page: Page): Promise<PageSnapshot> {
  return page.evaluate(() => {
    const handle = (window as unknown as { olievlek: { snapshot(): unknown } }).olievlek;
    return JSON.parse(JSON.stringify(handle.snapshot())) as never;
  });
}

/** The page coordinates of a board point. */
export async function toScreen(
  page: Page,
  point: { x: number; y: number },
): Promise<{ x: number; y: number }> {
  const box = await page.locator('.canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const { viewport } = await snapshot(page);
  return {
    x: box.x + point.x * viewport.zoom + viewport.offsetX,
    y: box.y + point.y * viewport.zoom + viewport.offsetY,
  };
}

/** The page coordinates of an item's centre. */
export async function itemCenter(page: Page, id: string): Promise<{ x: number; y: number }> {
  const item = (await snapshot(page)).board.items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return toScreen(page, { x: item.x + item.w / 2, y: item.y + item.h / 2 });
}

/** A point inside the canvas, as fractions of its width and height. */
export async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** The Outline landmark (`title` is its name in the board's language). */
export function outline(page: Page, title = 'Outline') {
  return page.getByRole('region', { name: title });
}

/** The Outline's tree: every item and link, of which only the rows in view are drawn. */
export function outlineTree(page: Page, title = 'Outline') {
  return outline(page, title).getByRole('tree');
}

/**
 * The first Outline row named `name`, brought into the DOM the way a keyboard user reaches it:
 * from the top of the tree a page at a time. Throws when no row of the whole tree matches.
 */
export async function outlineEntry(page: Page, name: string | RegExp, title = 'Outline'): Promise<Locator> {
  const tree = outlineTree(page, title);
  const entry = tree.getByRole('treeitem', { name }).first();
  const found = async () => {
    if ((await entry.count()) === 0) return false;
    // Drawn is not yet in view (rows just past the edge are drawn too): scroll it in, so the
    // rows around it, its links say, are drawn as well.
    await entry.scrollIntoViewIfNeeded();
    await frames(page);
    return true;
  };
  if (await found()) return entry;
  await tree.focus();
  await page.keyboard.press('Home');
  for (;;) {
    await frames(page);
    if (await found()) return entry;
    const before = await tree.getAttribute('aria-activedescendant');
    await page.keyboard.press('PageDown');
    await frames(page);
    if ((await tree.getAttribute('aria-activedescendant')) === before) break;
  }
  if (await found()) return entry;
  throw new Error(`no Outline row named ${String(name)}`);
}

/** Waits until a snapshot satisfies `test`, for at most `ms`. */
export async function waitForSnapshot(
  page: Page,
  test: (s: PageSnapshot) => boolean,
  ms = 2000,
): Promise<PageSnapshot> {
  const deadline = Date.now() + ms;
  for (;;) {
    const s = await snapshot(page);
    if (test(s)) return s;
    if (Date.now() > deadline) throw new Error(`snapshot condition not met within ${ms} ms`);
    await page.waitForTimeout(50);
  }
}

/** Resolves after the page has drawn `count` more frames. */
export function frames(page: Page, count = 2): Promise<void> {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/** Waits until the view stops moving: the same viewport before and after two drawn frames. */
export async function settled(page: Page, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = JSON.stringify((await snapshot(page)).viewport);
  for (;;) {
    await frames(page);
    const now = JSON.stringify((await snapshot(page)).viewport);
    if (now === last) return;
    if (Date.now() > deadline) throw new Error(`the view kept moving for ${ms} ms`);
    last = now;
  }
}

/** Drags with the mouse from one page point to another in steps, as a hand would. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  }
  await page.mouse.up();
}

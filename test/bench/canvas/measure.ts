/**
 * What the bench measures in a page, through the harness contract both apps keep
 * (`ready`, `tDrawn`, `panBy`, `pointOf` on `window.__olievlek` or `window.__peer`).
 */
import type { Page } from 'playwright-core';

/** The window property holding an app's automation surface. */
export type SurfaceName = '__olievlek' | '__peer';

interface Surface {
  ready: boolean;
  tDrawn: number | null;
  panBy(dx: number, dy: number): void;
  pointOf(id: string): { x: number; y: number } | null;
}

/** Waits for the app's first complete draw and returns `tDrawn` (ms since navigation start). */
export async function waitDrawn(page: Page, surface: SurfaceName, timeoutMs: number): Promise<number> {
  await page.waitForFunction(
    (name) => (window as unknown as Record<string, Surface | undefined>)[name]?.ready === true,
    surface,
    { timeout: timeoutMs, polling: 50 },
  );
  return page.evaluate(
    (name) => (window as unknown as Record<string, Surface>)[name]?.tDrawn ?? NaN,
    surface,
  );
}

/** Waits for `count` animation frames, so a camera change has reached the screen. */
export async function settle(page: Page, count = 3): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/**
 * Waits until two frames in a row come within 50 ms (or `capMs` passes), so the cost of a
 * zoom the app spreads over its next frames is not counted as the pan's.
 */
export async function waitIdle(page: Page, capMs = 10_000): Promise<void> {
  await page.evaluate(async (cap) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    let last = await frame();
    const start = last;
    let calm = 0;
    while (calm < 2 && last - start < cap) {
      const now = await frame();
      calm = now - last <= 50 ? calm + 1 : 0;
      last = now;
    }
  }, capMs);
}

/**
 * Pans by a few screen pixels on every animation frame and records the intervals between
 * frames, for `frames` frames or until `capMs` has passed; the direction turns halfway so the
 * camera stays over the board.
 */
export async function panFrames(
  page: Page,
  surface: SurfaceName,
  frames: number,
  capMs: number,
): Promise<number[]> {
  return page.evaluate(
    async ({ name, count, cap }) => {
      const target = (window as unknown as Record<string, Surface>)[name];
      if (!target) throw new Error(`no window.${name}`);
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const times: number[] = [];
      let last = await frame();
      const start = last;
      for (let i = 0; i < count && last - start < cap; i++) {
        const sign = i < count / 2 ? 1 : -1;
        target.panBy(6 * sign, 3 * sign);
        const now = await frame();
        times.push(now - last);
        last = now;
      }
      return times;
    },
    { name: surface, count: frames, cap: capMs },
  );
}

/** How far a dragged card may end from where the mouse took it (a snap to a grid, say). */
const DRAG_SLACK_PX = 16;

/**
 * Drags item `id` with the real mouse, one move per frame, and records the frame intervals;
 * throws when the card did not follow the mouse.
 */
export async function dragFrames(
  page: Page,
  surface: SurfaceName,
  id: string,
  moves: number,
): Promise<number[]> {
  const pointOf = () =>
    page.evaluate(
      ({ name, item }) => (window as unknown as Record<string, Surface>)[name]?.pointOf(item) ?? null,
      { name: surface, item: id },
    );
  const start = await pointOf();
  if (!start) throw new Error(`${surface}: no item ${id}`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(() => {
    const state = { stop: false, times: [] as number[] };
    (window as unknown as { __dragFrames: typeof state }).__dragFrames = state;
    let last = performance.now();
    const tick = (now: number) => {
      state.times.push(now - last);
      last = now;
      if (!state.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(start.x + i * 4, start.y + i * 2);
    await settle(page, 1);
  }
  await page.mouse.up();
  await settle(page, 2);
  const intervals = await page.evaluate(() => {
    const state = (window as unknown as { __dragFrames: { stop: boolean; times: number[] } }).__dragFrames;
    state.stop = true;
    return state.times;
  });
  // A drag that moved something else (a link's end over the card, the camera) is no measure.
  const end = await pointOf();
  const want = { x: moves * 4, y: moves * 2 };
  const got = end ? { x: end.x - start.x, y: end.y - start.y } : { x: 0, y: 0 };
  if (Math.abs(got.x - want.x) > DRAG_SLACK_PX || Math.abs(got.y - want.y) > DRAG_SLACK_PX)
    throw new Error(
      `${surface}: the dragged card moved (${got.x.toFixed(0)}, ${got.y.toFixed(0)}) px, not (${want.x}, ${want.y})`,
    );
  return intervals;
}

/** JS heap in use after a forced garbage collection (bytes) and the page's element count. */
export async function heapAndDom(page: Page): Promise<{ heap: number; dom: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
    const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heap, dom };
  } finally {
    await cdp.detach();
  }
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** How many intervals exceed `limit` ms. */
export function over(values: readonly number[], limit: number): number {
  return values.filter((value) => value > limit).length;
}

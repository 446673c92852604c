/**
 * `npm run bench:canvas`: Olievlek next to Excalidraw 0.18 on the same synthetic board, in one
 * run of headless Debian Chromium (1280×800, device scale 1, software rendering). For each
 * board size: cold open, pan at 100 % and with the whole board in view, heap after GC and DOM
 * nodes; at 2,000 also dragging one card with the real mouse. Worst of BENCH_RUNS (2) runs,
 * each in a fresh context. BENCH_SIZES=200,1000 runs a subset. The table goes to stdout and
 * to test/bench/results/canvas.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { createBoard } from '../server/helpers';
import { launchBrowser, startAppServer } from '../e2e/browser';
import { loadBoardInto } from '../support/loadExample';
import { syntheticBoard } from './boards';
import { dragFrames, heapAndDom, over, panFrames, percentile } from './canvas/measure';
import { ensurePeerBuilt, startPeerServer } from './canvas/peer';
import { excalidrawScene } from './canvas/scene';
import {
  resultTable,
  worseFrames,
  worseSize,
  type AppResults,
  type FrameStats,
  type SizeResult,
} from './canvas/table';
import { excalidraw, olievlek, type Target } from './canvas/targets';

const SIZES = (process.env.BENCH_SIZES ?? '200,1000,2000,5000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
const DRAG_SIZE = 2000;
/** Frames per pan and the time cap that keeps a slow renderer within the bench's budget. */
const PAN_FRAMES = 120;
const FIT_FRAMES = 60;
const PAN_CAP_MS = 5000;

function stats(intervals: number[]): FrameStats {
  return { p95: percentile(intervals, 95), over50: over(intervals, 50), frames: intervals.length };
}

/** The id of the card in the middle of the synthetic grid (80 columns), the one dragged. */
function middleCard(size: number): string {
  const rows = Math.ceil(size / 80);
  return `i${Math.min(size - 1, Math.floor(rows / 2) * 80 + 40)}`;
}

async function measureOnce(
  browser: Browser,
  target: Target,
  size: number,
): Promise<{ result: SizeResult; drag: FrameStats | null }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
  });
  // tsx keeps function names with a `__name` helper that pages evaluated from here lack.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  try {
    const { page, tDrawn } = await target.open(context, size);
    await target.zoomActual(page);
    // BENCH_SCREENSHOTS=<folder> keeps what each app showed at 100 %, to check the scenes match.
    const shots = process.env.BENCH_SCREENSHOTS;
    if (shots) await page.screenshot({ path: `${shots}/${target.name}-${size}.png` });
    const pan = stats(await panFrames(page, target.surface, PAN_FRAMES, PAN_CAP_MS));
    await target.zoomFit(page);
    const fit = stats(await panFrames(page, target.surface, FIT_FRAMES, PAN_CAP_MS));
    const { heap, dom } = await heapAndDom(page);
    let drag: FrameStats | null = null;
    if (size === DRAG_SIZE) {
      await target.zoomActual(page);
      // A drag that did not move the card leaves the drag rows empty, not filled with a wrong figure.
      drag = await dragFrames(page, target.surface, middleCard(size), 60).then(stats, (error: unknown) => {
        console.error(`bench: ${target.name} drag at ${size} is invalid:`, error);
        return null;
      });
    }
    return { result: { open: tDrawn, pan, fit, heap, dom }, drag };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dist = ensurePeerBuilt();
  const boards = new Map(SIZES.map((size) => [size, syntheticBoard(size, size / 2, true)]));
  const scenes = new Map(
    [...boards].map(([size, board]) => [String(size), JSON.stringify(excalidrawScene(board))]),
  );
  const peerServer = await startPeerServer(dist, scenes);
  const app = await startAppServer();
  const browser = await launchBrowser();
  try {
    const urls = new Map<number, string>();
    for (const [size, board] of boards) {
      const created = await createBoard(app, `Bench ${size}`, 'en');
      await loadBoardInto(app.http, created.id, created.tokens.facilitator, board);
      const { pathname, hash } = new URL(created.urls.facilitator);
      urls.set(size, `${app.http}${pathname}${hash}`);
    }
    const targets = [excalidraw(peerServer.url), olievlek(urls)];
    const results = new Map<Target, AppResults>(targets.map((t) => [t, { sizes: new Map(), drag: null }]));
    console.log(`bench: Chromium ${browser.version()}, sizes ${SIZES.join(', ')}, worst of ${RUNS} runs`);
    for (const size of SIZES) {
      // The apps take turns, so both see the same load on the machine.
      for (let run = 0; run < RUNS; run++) {
        for (const target of targets) {
          const mine = results.get(target)!;
          // One app failing at one size (a timeout on a slow machine) leaves its cells empty.
          const measured = await measureOnce(browser, target, size).catch((error: unknown) => {
            console.error(`bench: ${target.name} ${size} run ${run + 1} failed:`, error);
            return null;
          });
          if (!measured) continue;
          const { result, drag } = measured;
          mine.sizes.set(size, worseSize(mine.sizes.get(size), result));
          if (drag) mine.drag = worseFrames(mine.drag, drag);
          console.log(
            `bench: ${target.name} ${size} run ${run + 1}: open ${(result.open / 1000).toFixed(2)} s, ` +
              `pan p95 ${result.pan.p95.toFixed(1)} ms (${result.pan.over50} > 50 ms), ` +
              `whole board ${result.fit.p95.toFixed(1)} ms (${result.fit.over50} > 50 ms), ` +
              `heap ${(result.heap / 1024 / 1024).toFixed(1)} MB, ${result.dom} DOM nodes` +
              (drag ? `, drag p95 ${drag.p95.toFixed(1)} ms (${drag.over50} > 50 ms)` : ''),
          );
        }
      }
    }
    const table = resultTable(SIZES, results.get(targets[0]!)!, results.get(targets[1]!)!);
    const header =
      `Canvas bench, ${new Date().toISOString()}: headless Chromium ${browser.version()}, 1280×800, ` +
      `software rendering, worst of ${RUNS} runs, N/2 links; ratio = Olievlek ÷ Excalidraw.`;
    console.log(`\n${header}\n\n${table}\n`);
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/canvas.md', import.meta.url), `${header}\n\n${table}\n`);
    console.log(`bench: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    await app.stop();
    await peerServer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

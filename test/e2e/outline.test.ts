/**
 * The Outline on a board of 5,000 items in Chromium: only the rows in view are in the DOM (a
 * fixed bound, whatever the board's size), yet the keyboard walks the whole tree, every drawn
 * row says where it stands in it, and choosing the last item selects it on the canvas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../shared/itemKinds';
import { syntheticBoard } from '../bench/boards';
import { createBoard, type TestBoard, type TestServer } from '../server/helpers';
import { loadBoardInto } from '../support/loadExample';
import { browserAvailable, launchBrowser, openWatchedPage, startAppServer } from './browser';
import { frames, outline, outlineTree, snapshot, waitForSnapshot } from './boardPage';
import { checkPagesEachTest } from './pageErrors';

const ITEMS = 5000;
const LINKS = 2500;
/** Elements the Outline may hold, whatever the board: a few dozen rows of a few elements each. */
const MAX_OUTLINE_NODES = 400;
/** Elements the insight panel may hold with every list at its first entries. */
const MAX_INSIGHT_NODES = 3000;

describe.runIf(browserAvailable())('the Outline of a large board in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let board: TestBoard;
  const watch = checkPagesEachTest();

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    board = await createBoard(server, 'Large', 'en');
    const json = syntheticBoard(ITEMS, LINKS);
    await loadBoardInto(server.http, board.id, board.tokens.facilitator, {
      ...json,
      meta: { ...json.meta, language: 'en' },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Elements inside the Outline landmark. */
  const outlineNodes = (page: Page) =>
    outline(page).evaluate((element) => element.querySelectorAll('*').length);

  /** The active row: the one the tree's aria-activedescendant names. */
  const activeRow = (page: Page) =>
    outlineTree(page).evaluate((tree) => {
      const row = document.getElementById(tree.getAttribute('aria-activedescendant') ?? '');
      return row
        ? {
            level: row.getAttribute('aria-level'),
            pos: row.getAttribute('aria-posinset'),
            size: row.getAttribute('aria-setsize'),
            text: row.textContent ?? '',
            inView: (() => {
              const a = row.getBoundingClientRect();
              const b = tree.getBoundingClientRect();
              return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
            })(),
          }
        : null;
    });

  it('keeps a bounded DOM, says the whole size, and reaches and selects the last item by keyboard', async () => {
    // Opened by hand rather than with openBoard: a board this size may take longer than its
    // 15 s on a busy machine, and the Outline, not the cold open, is under test here.
    const page = await openWatchedPage(browser, watch, { viewport: { width: 1280, height: 800 } });
    await page.context().addInitScript(() => window.localStorage.setItem('olievlek.name', 'Tester'));
    const { pathname, hash } = new URL(board.urls.facilitator);
    await page.goto(`${server.http}${pathname}${hash}`);
    await outline(page).getByText(`${ITEMS} items · ${LINKS} links`).waitFor({ timeout: 90_000 });
    const tree = outlineTree(page);
    await tree.getByRole('treeitem').first().waitFor();
    const s = await snapshot(page);
    expect(s.board.items).toHaveLength(ITEMS);

    // Few rows drawn, each telling its place in the whole: the first group and its size.
    const drawn = await tree.getByRole('treeitem').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    expect(await outlineNodes(page)).toBeLessThan(MAX_OUTLINE_NODES);
    const kinds = ITEM_KINDS.filter((kind) => s.board.items.some((item) => item.kind === kind));
    const first = tree.getByRole('treeitem').first();
    expect(await first.getAttribute('aria-level')).toBe('1');
    expect(await first.getAttribute('aria-setsize')).toBe(String(kinds.length));
    const ambitions = s.board.items.filter((item) => item.kind === 'ambition');
    expect(await first.textContent()).toContain(String(ambitions.length));
    expect(await tree.getByRole('treeitem').nth(1).getAttribute('aria-setsize')).toBe(
      String(ambitions.length),
    );

    // End reaches the last row (an item of the last kind: links only leave small wins).
    await tree.focus();
    await page.keyboard.press('End');
    const lastKind = kinds.at(-1);
    const lastItem = s.board.items.filter((item) => item.kind === lastKind).at(-1);
    if (!lastItem) throw new Error('no last item');
    await expect.poll(async () => (await activeRow(page))?.text).toContain(lastItem.text);
    await frames(page);
    const last = await activeRow(page);
    expect(last).toMatchObject({ level: '2', inView: true });
    expect(last?.pos).toBe(last?.size);
    expect(await outlineNodes(page)).toBeLessThan(MAX_OUTLINE_NODES);

    // Enter does what a click does: the item is selected on the canvas.
    await page.keyboard.press('Enter');
    await waitForSnapshot(page, (now) => now.selection.length === 1 && now.selection[0] === lastItem.id);

    // Home and page-wise moves walk back through every row, still within the bound.
    await page.keyboard.press('Home');
    await expect.poll(async () => (await activeRow(page))?.level).toBe('1');
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    await frames(page);
    expect((await activeRow(page))?.inView).toBe(true);
    expect(await outlineNodes(page)).toBeLessThan(MAX_OUTLINE_NODES);

    // The insight panel's lists of such a board show their first entries and a Show all.
    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    const insights = page.getByRole('region', { name: 'Insights' });
    await insights
      .getByRole('button', { name: /^Show all \d+/ })
      .first()
      .waitFor({ timeout: 60_000 });
    const insightNodes = await insights.evaluate((element) => element.querySelectorAll('*').length);
    expect(insightNodes).toBeLessThan(MAX_INSIGHT_NODES);
  });
});

/**
 * The paths issue's acceptance in Chromium: selecting a small win in one context highlights
 * its paths; the insight panel in another context lists a newly orphaned win within 2 s of the
 * link being deleted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, type TestBoard, type TestServer } from '../server/helpers';
import { loadBoardInto } from '../support/loadExample';
import { browserAvailable, launchBrowser, startAppServer } from './browser';
import { openBoard, outlineEntry } from './boardPage';
import { checkPagesEachTest } from './pageErrors';

describe.runIf(browserAvailable())('paths and insights in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let board: TestBoard;
  // Each test opens its own pages and fails if one logged an error, from its first navigation on.
  const watch = checkPagesEachTest();

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    board = await createBoard(server, 'Rivierenland', 'nl');
    await loadBoardInto(server.http, board.id, board.tokens.facilitator);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const highlighted = (page: Page) =>
    page.evaluate(() =>
      (
        window as unknown as { olievlek: { highlighted(): { items: string[]; links: string[] } | null } }
      ).olievlek.highlighted(),
    );

  it('highlights every path through a selected small win and dims the rest', async () => {
    const alice = await openBoard(browser, watch, server, board.urls.facilitator);
    expect(await highlighted(alice)).toBeNull();
    await alice
      .getByRole('region', { name: 'Overzicht' })
      .getByRole('treeitem', { name: /^Small win: Twaalf boeren in de Tielerwaard/ })
      .click();
    const lit = await highlighted(alice);
    expect(lit?.items.sort()).toEqual([
      'amb-2050',
      'amb-bodem',
      'sw-berging',
      'sw-kring',
      'sw-peilbesluit',
      'sw-stuwtjes',
    ]);
    expect(lit?.links.sort()).toEqual(['l1', 'l2', 'l3', 'l6', 'l7']);
    // The insight panel names the same paths, with the boundaries each one crosses.
    await alice.getByRole('button', { name: 'Inzichten' }).click();
    const panel = alice.getByRole('region', { name: 'Inzichten' });
    await panel.getByRole('heading', { name: 'Paden door de selectie (2)' }).waitFor({ timeout: 2000 });
    expect(await panel.getByText('sociaal · sferen').count()).toBeGreaterThan(0);
  });

  it('lists a newly orphaned win in the other context within 2 s of its link being deleted', async () => {
    const alice = await openBoard(browser, watch, server, board.urls.facilitator);
    const bob = await openBoard(browser, watch, server, board.urls.participant);
    await bob.getByRole('button', { name: 'Inzichten' }).click();
    const orphans = bob.getByRole('region', { name: 'Inzichten' }).locator('.insight-block', {
      has: bob.getByRole('heading', { name: 'Small wins zonder pad naar een ambitie' }),
    });
    await orphans
      .getByRole('button', { name: /Waterschapsdag op de basisschool/ })
      .waitFor({ timeout: 5000 });
    expect(await orphans.getByRole('button', { name: /Bewoners van Maasheggen/ }).count()).toBe(0);
    // Alice selects the only link from the Maasheggen win to an ambition, by keyboard-reachable
    // outline entry: the tree brings the win into view; its links follow it.
    if ((await alice.getByRole('region', { name: 'Overzicht' }).count()) === 0) {
      await alice.getByRole('button', { name: 'Overzicht' }).click();
    }
    await outlineEntry(alice, /^Small win: Bewoners van Maasheggen/, 'Overzicht');
    await alice
      .getByRole('region', { name: 'Overzicht' })
      .getByRole('treeitem', { name: /draagt bij aan .?Rivierenland is in 2050/ })
      .last()
      .click();
    await alice.keyboard.press('Delete');
    await orphans.getByRole('button', { name: /Bewoners van Maasheggen/ }).waitFor({ timeout: 2000 });
  });
});

/**
 * Export, import and snapshots in Chromium: the facilitator downloads the whole board as PNG
 * without the view moving, takes, previews and restores a snapshot, and a JSON export dropped
 * on the front page becomes a new board with its three links.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, type TestBoard, type TestServer } from '../server/helpers';
import { exampleBoard, loadBoardInto } from '../support/loadExample';
import { browserAvailable, launchBrowser, openWatchedPage, startAppServer } from './browser';
import { openBoard, snapshot } from './boardPage';
import { checkPagesEachTest } from './pageErrors';

describe.runIf(browserAvailable())('export, import and snapshots in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let board: TestBoard;
  // Each test opens its own pages and fails if one logged an error, from its first navigation on.
  const watch = checkPagesEachTest();

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    // The example board is Dutch, so the interface speaks Dutch.
    board = await createBoard(server, 'Rivierenland', 'nl');
    await loadBoardInto(server.http, board.id, board.tokens.facilitator, exampleBoard());
  }, 120_000);

  const openFacilitator = (): Promise<Page> => openBoard(browser, watch, server, board.urls.facilitator);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads the whole board as PNG with progress, leaving the view alone', async () => {
    const page = await openFacilitator();
    const before = (await snapshot(page)).viewport;
    await page.getByRole('button', { name: 'Exporteren', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^PNG-afbeelding van het hele bord/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Small-wins-Rivierenland-landbouw-en-water-\d{4}-\d{2}-\d{2}\.png$/,
    );
    await page.getByText(/\.png gedownload$/).waitFor();
    expect((await snapshot(page)).viewport).toEqual(before);
  });

  it('takes, previews and restores a snapshot', async () => {
    const page = await openFacilitator();
    await page.getByRole('button', { name: 'Exporteren', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Momentopnames…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Momentopnames' });
    await dialog.getByLabel('Naam van een nieuwe momentopname').fill('Na de oogst');
    await dialog.getByRole('button', { name: 'Momentopname maken' }).click();
    const entry = dialog.getByRole('listitem').filter({ hasText: 'Na de oogst' });
    await entry.waitFor();
    await entry.getByRole('button', { name: 'Bekijken' }).click();
    await entry.getByRole('img', { name: 'Het bord in momentopname “Na de oogst”' }).waitFor();
    page.once('dialog', (confirm) => void confirm.accept());
    await entry.getByRole('button', { name: 'Terugzetten' }).click();
    await dialog.getByText('“Na de oogst” teruggezet', { exact: false }).waitFor();
    await dialog.getByRole('listitem').filter({ hasText: 'vóór herstellen' }).first().waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
  });

  it('imports a JSON export on the front page as a new board', async () => {
    const res = await fetch(
      `${server.http}/api/boards/${board.id}/export?format=json&token=${board.tokens.viewer}`,
    );
    const json = Buffer.from(await res.arrayBuffer());
    const front = await openWatchedPage(browser, watch);
    await front.goto(`${server.http}/`);
    await front.getByLabel('A JSON export of an Olievlek board').setInputFiles({
      name: 'board.json',
      mimeType: 'application/json',
      buffer: json,
    });
    const created = front.getByRole('region', { name: 'Small wins Rivierenland: landbouw en water' });
    await created.waitFor();
    expect(await created.getByRole('textbox', { name: 'Facilitator' }).inputValue()).toMatch(/\/b\/[\w-]+#/);
  });
});

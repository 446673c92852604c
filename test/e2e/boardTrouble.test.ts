/**
 * Issue 12, findings 3 and 4 in Chromium: a board the server cannot load says why instead of
 * reconnecting in a loop, and a huge title (which the device cannot cache) still opens.
 */
import type { Browser, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import { getMeta } from '../../shared/ydoc';
import { createBoard, startTestServer, waitFor, type TestServer } from '../server/helpers';
import { browserAvailable, builtClient, launchBrowser, watchErrors } from './browser';

describe.runIf(browserAvailable())('a board in trouble (Chromium)', () => {
  const storage = createMemoryStorage();
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ clientDir: builtClient() }, storage);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says a board needs a newer server, and stops reconnecting', async () => {
    const board = await createBoard(server, 'Te nieuw', 'en');
    // The stored document claims a format this server does not know.
    const doc = new Y.Doc();
    for (const update of (await storage.load(board.id)).updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    getMeta(doc).set('schemaVersion', 99);
    await storage.appendUpdate(board.id, Y.encodeStateAsUpdate(doc, before));

    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    let sockets = 0;
    let control: WebSocket | undefined;
    page.on('websocket', (socket) => {
      const { pathname } = new URL(socket.url());
      if (pathname === `/sync/${board.id}`) sockets += 1;
      if (pathname === `/sync/${board.id}/control`) control = socket;
    });
    const { pathname, hash } = new URL(board.urls.participant);
    await page.goto(`${server.http}${pathname}${hash}`);
    const alert = page.getByRole('alert');
    await alert.getByText('This board needs a newer server').waitFor({ timeout: 10_000 });
    await page
      .getByText('this board has format version 99; this server reads up to 1', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    // The board's other document lets go too: nothing of this board stays connected.
    await waitFor(() => control?.isClosed(), 'the control socket closed');
    const seen = sockets;
    // y-websocket's first retry comes after 100 ms, its slowest after 2.5 s: none may come.
    const retry = await page
      .waitForEvent('websocket', {
        predicate: (socket) => new URL(socket.url()).pathname === `/sync/${board.id}`,
        timeout: 3000,
      })
      .then(
        () => true,
        () => false,
      );
    expect(retry).toBe(false);
    expect(seen).toBe(1);
    // The close itself is logged by Chromium as a failed socket; nothing else may be.
    expect(errors.filter((error) => !error.includes('WebSocket'))).toEqual([]);
    await context.close();
  });

  it('opens a board whose title is too big for this device’s storage', async () => {
    const board = await createBoard(server, 'Groot', 'en');
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.addInitScript(() => window.localStorage.setItem('olievlek.name', 'Fien'));
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    // Whatever the server lets through: here it answers a 6 MB title, over the 5 MB quota.
    await page.route(`**/api/boards/${board.id}`, (route) =>
      route.fulfill({ json: { id: board.id, title: 'x'.repeat(6_000_000), role: 'facilitator' } }),
    );
    const { pathname, hash } = new URL(board.urls.facilitator);
    await page.goto(`${server.http}${pathname}${hash}`);
    await page.locator('.canvas canvas').first().waitFor({ timeout: 15_000 });
    await page.getByText('Facilitator', { exact: true }).first().waitFor();
    const cached = await page.evaluate(() => JSON.stringify({ ...window.localStorage }).length);
    expect(cached).toBeLessThan(10_000);
    expect(errors).toEqual([]);
    await context.close();
  });
});

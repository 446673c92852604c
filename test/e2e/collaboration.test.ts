/**
 * The live-collaboration issue's acceptance in Chromium: cursors and names across contexts,
 * real touch pan and pinch, offline edits that survive a reload and merge once, a viewer that
 * cannot change the board, and a hostile name that stays text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/readBoard';
import { connectSynced, createBoard, waitFor, type TestBoard, type TestServer } from '../server/helpers';
import { fetchServerState } from '../support/serverState';
import { browserAvailable, launchBrowser, startAppServer } from './browser';
import { canvasPoint, itemCenter, openBoard, outline, snapshot, waitForSnapshot } from './boardPage';
import { checkPagesEachTest } from './pageErrors';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe.runIf(browserAvailable())('live collaboration in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  // Each test fails if one of its pages logged an error, from its first navigation on.
  const watch = checkPagesEachTest();
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(
    board: TestBoard,
    role: keyof TestBoard['urls'],
    name: string,
    options = {},
  ): Promise<Page> {
    const page = await openBoard(browser, watch, server, board.urls[role], undefined, { name, ...options });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  it('shows each other’s cursors with names, and who is on the board', async () => {
    const board = await createBoard(server, 'Presence', 'en');
    const alice = await open(board, 'facilitator', 'Alice');
    const bob = await open(board, 'participant', 'Bob');
    const a = await canvasPoint(alice, 0.4, 0.5);
    await alice.mouse.move(a.x, a.y);
    await alice.mouse.move(a.x + 40, a.y + 20, { steps: 4 });
    await bob.locator('.remote-cursor', { hasText: 'Alice' }).waitFor({ timeout: 3000 });
    const b = await canvasPoint(bob, 0.6, 0.3);
    await bob.mouse.move(b.x, b.y, { steps: 4 });
    await alice.locator('.remote-cursor', { hasText: 'Bob' }).waitFor({ timeout: 3000 });
    await bob.getByRole('button', { name: /People on this board: 2/ }).click();
    const list = bob.getByRole('region', { name: 'People on this board' });
    await list.getByText('Alice', { exact: true }).waitFor();
    await list.getByText('Bob', { exact: true }).waitFor();
    await alice.context().close();
    await bob.context().close();
  });

  it('pans with one finger and pinch-zooms with two, without creating an item', async () => {
    const board = await createBoard(server, 'Tablet', 'en');
    const tablet = await openBoard(
      browser,
      watch,
      server,
      board.urls.participant,
      { width: 1024, height: 768 },
      {
        name: 'Tablet',
        hasTouch: true,
        isMobile: true,
      },
    );
    const cdp = await tablet.context().newCDPSession(tablet);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
    const before = (await snapshot(tablet)).viewport;
    const start = await canvasPoint(tablet, 0.5, 0.5);
    await touch('touchStart', [start]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: start.x + i * 20, y: start.y + i * 10 }]);
    await touch('touchEnd', []);
    const panned = await waitForSnapshot(
      tablet,
      (s) => Math.abs(s.viewport.offsetX - before.offsetX - 100) < 2,
    );
    expect(panned.viewport.offsetY - before.offsetY).toBeCloseTo(50, 0);
    expect(panned.viewport.zoom).toBe(before.zoom);

    // Two fingers spread from 100 to 200 px apart around the same midpoint: twice the zoom,
    // and the board point under the midpoint stays put.
    const mid = await canvasPoint(tablet, 0.5, 0.5);
    const box = await tablet.locator('.canvas').boundingBox();
    const local = { x: mid.x - (box?.x ?? 0), y: mid.y - (box?.y ?? 0) };
    const underMid = {
      x: (local.x - panned.viewport.offsetX) / panned.viewport.zoom,
      y: (local.y - panned.viewport.offsetY) / panned.viewport.zoom,
    };
    await pinch(touch, mid, 50, 100);
    const zoomed = await waitForSnapshot(
      tablet,
      (s) => Math.abs(s.viewport.zoom - panned.viewport.zoom * 2) < 0.05,
    );
    expect(local.x - zoomed.viewport.offsetX - underMid.x * zoomed.viewport.zoom).toBeCloseTo(0, 0);
    expect(local.y - zoomed.viewport.offsetY - underMid.y * zoomed.viewport.zoom).toBeCloseTo(0, 0);
    expect(zoomed.board.items).toEqual([]);

    // A tap on an item selects it; a pinch that starts on it moves nothing.
    await tablet.getByRole('button', { name: 'Note', exact: true }).focus();
    await tablet.keyboard.press('Enter');
    await tablet.keyboard.press('Escape');
    const note = (await snapshot(tablet)).board.items[0];
    await tablet.keyboard.press('Escape');
    await pinch(touch, mid, 60, 40);
    const after = await snapshot(tablet);
    expect(after.board.items).toHaveLength(1);
    expect(after.board.items[0]?.x).toBe(note?.x);
    expect(after.board.items[0]?.y).toBe(note?.y);

    // A finger held still on a card opens its menu, with finger-sized actions.
    const card = await itemCenter(tablet, note?.id ?? '');
    await touch('touchStart', [card]);
    // The finger stays down until the menu opens.
    const menu = tablet.getByRole('menu', { name: 'Item actions' });
    await menu.waitFor({ timeout: 3000 });
    await touch('touchEnd', []);
    const itemBox = await menu.getByRole('menuitem', { name: 'Duplicate' }).boundingBox();
    expect(itemBox?.height).toBeGreaterThanOrEqual(44);
    await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
    await waitForSnapshot(tablet, (s) => s.board.items.length === 2);
    await tablet.context().close();
  });

  async function pinch(
    touch: (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) => Promise<unknown>,
    mid: { x: number; y: number },
    from: number,
    to: number,
  ) {
    await touch('touchStart', [{ x: mid.x - from, y: mid.y }]);
    await touch('touchStart', [
      { x: mid.x - from, y: mid.y },
      { x: mid.x + from, y: mid.y },
    ]);
    for (let i = 1; i <= 6; i++) {
      const half = from + ((to - from) * i) / 6;
      await touch('touchMove', [
        { x: mid.x - half, y: mid.y },
        { x: mid.x + half, y: mid.y },
      ]);
    }
    await touch('touchEnd', []);
  }

  it('keeps offline edits through a reload and merges them once on reconnect', async () => {
    const board = await createBoard(server, 'Offline', 'en');
    // Going offline on purpose makes the browser log failed requests and sockets.
    watch.expected.push(/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/);
    const alice = await open(board, 'facilitator', 'Alice');
    const bob = await open(board, 'participant', 'Bob');
    // Let the service worker take the app shell before the network goes away.
    await alice.waitForFunction(
      () => navigator.serviceWorker?.controller !== null || document.readyState === 'complete',
    );
    await alice.evaluate(() => navigator.serviceWorker.ready);
    await alice.context().setOffline(true);
    await alice.getByRole('status').filter({ hasText: 'Offline' }).first().waitFor({ timeout: 5000 });
    await alice.getByRole('button', { name: 'Note', exact: true }).focus();
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('made offline');
    await alice.keyboard.press('Escape');
    // IndexedDB writes are asynchronous: reload only once the note is stored on the device.
    await waitFor(
      async () => (await offlineCopy(alice, board.id)).includes('made offline'),
      'the note in IndexedDB',
      5000,
    );
    await alice.reload();
    await outline(alice).getByText('made offline').waitFor({ timeout: 10_000 });
    expect(await outline(bob).getByText('made offline').count()).toBe(0);
    await alice.context().setOffline(false);
    await outline(bob).getByText('made offline').waitFor({ timeout: 10_000 });
    await alice.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: 10_000 });
    // A note made after reconnecting travels behind anything Alice's client sent before it, so
    // once Bob has it, a second copy of the offline note would have arrived too.
    await alice.getByRole('button', { name: 'Note', exact: true }).focus();
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('made online');
    await alice.keyboard.press('Escape');
    await outline(bob).getByText('made online').waitFor({ timeout: 10_000 });
    const texts = (await snapshot(bob)).board.items.map((item) => item.text);
    expect(texts.filter((text) => text === 'made offline')).toHaveLength(1);
    await alice.context().close();
    await bob.context().close();
  });

  it('gives a viewer no way to change the board', async () => {
    const board = await createBoard(server, 'Viewing', 'en');
    const alice = await open(board, 'facilitator', 'Alice');
    await alice.getByRole('button', { name: 'Small win', exact: true }).focus();
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('Weirs');
    await alice.keyboard.press('Escape');
    const viewer = await open(board, 'viewer', 'Vera');
    await viewer.getByText('You are watching: this link cannot change the board.').waitFor();
    expect(await viewer.getByRole('toolbar').count()).toBe(0);
    await outline(viewer).getByRole('treeitem', { name: /Weirs/ }).click();
    await viewer.keyboard.press('Delete');
    await viewer.keyboard.press('n');
    await viewer.keyboard.press('Enter');
    await viewer.keyboard.press('Control+d');
    await viewer.keyboard.press('ArrowRight');
    const c = await canvasPoint(viewer, 0.5, 0.5);
    await viewer.mouse.dblclick(c.x, c.y);
    expect(await viewer.locator('textarea').count()).toBe(0);
    // The viewer's own document is untouched (after a rendered frame), and so is the server's.
    await viewer.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect((await snapshot(viewer)).board.items.map((item) => item.text)).toEqual(['Weirs']);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await fetchServerState(server.ws, board.id, board.tokens.viewer));
    expect(readBoard(stored).items.map((item) => item.text)).toEqual(['Weirs']);
    expect((await snapshot(alice)).board.items.map((item) => item.text)).toEqual(['Weirs']);
    await alice.context().close();
    await viewer.context().close();
  });

  it('makes participants read-only while the facilitator has the board locked', async () => {
    const board = await createBoard(server, 'Locked', 'en');
    const bob = await open(board, 'participant', 'Bob');
    const control = await connectSynced(server, `${board.id}/control`, board.tokens.facilitator);
    control.doc.getMap('control').set('locked', true);
    await bob
      .getByText('The facilitator has locked the board: you can look, not edit.')
      .waitFor({ timeout: 3000 });
    expect(await bob.getByRole('toolbar').count()).toBe(0);
    control.doc.getMap('control').set('locked', false);
    await bob.getByRole('toolbar').waitFor({ timeout: 3000 });
    await bob.getByRole('button', { name: 'Note', exact: true }).focus();
    await bob.keyboard.press('Enter');
    await bob.keyboard.type('after the lock');
    await bob.keyboard.press('Escape');
    const fresh = await open(board, 'viewer', 'Fresh');
    await outline(fresh).getByText('after the lock').waitFor({ timeout: 3000 });
    control.provider.destroy();
    await bob.context().close();
    await fresh.context().close();
  });

  it('shows a hostile name and hostile text literally, and no dialog opens', async () => {
    const board = await createBoard(server, 'Hostile', 'en');
    const mallory = await open(board, 'participant', HOSTILE);
    const alice = await open(board, 'facilitator', 'Alice');
    await mallory.getByRole('button', { name: 'Note', exact: true }).focus();
    await mallory.keyboard.press('Enter');
    await mallory.keyboard.type(HOSTILE);
    await mallory.keyboard.press('Escape');
    const m = await canvasPoint(mallory, 0.3, 0.3);
    await mallory.mouse.move(m.x, m.y, { steps: 3 });
    await alice.locator('.remote-cursor', { hasText: HOSTILE }).waitFor({ timeout: 3000 });
    await outline(alice).getByText(HOSTILE).waitFor();
    await alice.getByRole('button', { name: /People on this board/ }).click();
    await alice.getByRole('region', { name: 'People on this board' }).getByText(HOSTILE).waitFor();
    expect(await alice.locator('img[src="x"]').count()).toBe(0);
    expect(await mallory.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await alice.context().close();
    await mallory.context().close();
  });
});

/** The item texts of the board as the page's IndexedDB holds it (y-indexeddb's update log). */
async function offlineCopy(page: Page, boardId: string): Promise<string[]> {
  const updates = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return [];
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return rows.map((row) => Array.from(row as Uint8Array));
    } finally {
      db.close();
    }
  }, `olievlek:${boardId}`);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return readBoard(doc).items.map((item) => item.text);
}

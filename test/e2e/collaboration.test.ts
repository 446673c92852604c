/**
 * The live-collaboration issue's acceptance in Chromium: cursors and names across contexts,
 * real touch pan and pinch, offline edits that survive a reload and merge once, a viewer that
 * cannot change the board, and a hostile name that stays text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, createBoard, type TestBoard, type TestServer } from '../server/helpers';
import { browserAvailable, launchBrowser, startAppServer, watchErrors } from './browser';
import { canvasPoint, itemCenter, openBoard, outline, snapshot, waitForSnapshot } from './boardPage';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe.runIf(browserAvailable())('live collaboration in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
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
    const page = await openBoard(browser, server, board.urls[role], undefined, { name, ...options });
    watchErrors(page, errors);
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
      server,
      board.urls.participant,
      { width: 1024, height: 768 },
      {
        name: 'Tablet',
        hasTouch: true,
        isMobile: true,
      },
    );
    watchErrors(tablet, errors);
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
    await tablet.waitForTimeout(800);
    await touch('touchEnd', []);
    const menu = tablet.getByRole('menu', { name: 'Item actions' });
    await menu.waitFor({ timeout: 2000 });
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
    await alice.waitForTimeout(300); // IndexedDB writes are asynchronous
    await alice.reload();
    await outline(alice).getByText('made offline').waitFor({ timeout: 10_000 });
    expect(await outline(bob).getByText('made offline').count()).toBe(0);
    await alice.context().setOffline(false);
    await outline(bob).getByText('made offline').waitFor({ timeout: 10_000 });
    await alice.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: 10_000 });
    await bob.waitForTimeout(500);
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
    await outline(viewer).getByRole('button', { name: /Weirs/ }).click();
    await viewer.keyboard.press('Delete');
    await viewer.keyboard.press('n');
    await viewer.keyboard.press('Enter');
    await viewer.keyboard.press('Control+d');
    await viewer.keyboard.press('ArrowRight');
    const c = await canvasPoint(viewer, 0.5, 0.5);
    await viewer.mouse.dblclick(c.x, c.y);
    expect(await viewer.locator('textarea').count()).toBe(0);
    await alice.waitForTimeout(700);
    const items = (await snapshot(alice)).board.items;
    expect(items.map((item) => item.text)).toEqual(['Weirs']);
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

  it('logged no errors', () => {
    expect(
      errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/.test(error)),
    ).toEqual([]);
  });
});

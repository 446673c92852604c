/**
 * Issue 12, finding 9 in Chromium: the app runs under its Content-Security-Policy with no
 * violation from the first navigation on, another site cannot frame it, the built client
 * ships no source maps, the front page shows the server's error message, and text with
 * right-to-left overrides is shown isolated and never reversed.
 */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { getMeta } from '../../shared/ydoc';
import { connectSynced, createBoard, waitFor, type TestServer } from '../server/helpers';
import { browserAvailable, builtClient, launchBrowser, startAppServer } from './browser';
import { outline } from './boardPage';

const RLO = '\u202E';
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe.runIf(browserAvailable())('hardening in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh page that records errors and CSP violations from before its first navigation. */
  async function watchedPage(
    name?: string,
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    if (name)
      await context.addInitScript((value) => window.localStorage.setItem('olievlek.name', value), name);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    return { context, page, errors };
  }

  it('creates a board, opens it and edits it under the CSP without a single violation', async () => {
    const { context, page, errors } = await watchedPage();
    const response = await page.goto(`${server.http}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Board title').fill('Onder toezicht');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('link', { name: 'Open as facilitator' }).click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Fien');
    await page.getByRole('button', { name: 'Join the board' }).click();
    await page.locator('.canvas canvas').first().waitFor();
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Stuwtjes in de sloten');
    await page.keyboard.press('Escape');
    await outline(page).getByText('Stuwtjes in de sloten').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Snapshots…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    await dialog.getByRole('textbox').fill('Na ronde 1');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    // The preview is an image from a blob: URL.
    await dialog.getByRole('button', { name: 'Preview' }).first().click();
    await dialog.getByRole('img', { name: /Na ronde 1/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cannot be framed by another site', async () => {
    const { context, page } = await watchedPage();
    // A real site of its own on this machine (another port is another origin); a routed
    // page would count as a public site, which Chromium keeps from framing loopback anyway.
    const framer = createServer((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(`<!doctype html><iframe src="${server.http}/" width="600" height="400"></iframe>`),
    );
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    const { port } = framer.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no frame');
    // Chromium replaces a refused frame with its error page.
    await waitFor(() => frame.url().startsWith('chrome-error:'), 'the frame refused', 10_000);
    expect(await frame.locator('#root').count()).toBe(0);
    await context.close();
    await new Promise((resolve) => framer.close(resolve));
  });

  it('ships and serves no source maps', async () => {
    const files = readdirSync(`${builtClient()}/assets`);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const script = files.find((file) => file.endsWith('.js'));
    expect(script).toBeDefined();
    const res = await fetch(`${server.http}/assets/${script}.map`);
    expect(res.status).toBe(404);
    const source = await (await fetch(`${server.http}/assets/${script}`)).text();
    expect(source).not.toContain('sourceMappingURL');
  });

  it('shows the server’s own error message on the front page', async () => {
    const { context, page } = await watchedPage();
    await page.route('**/api/boards', (route) =>
      route.fulfill({
        status: 429,
        json: { error: { code: 'rate_limited', message: 'too many new boards; try again in a minute' } },
      }),
    );
    await page.goto(`${server.http}/`);
    await page.getByRole('button', { name: 'Create board' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The board could not be created: too many new boards; try again in a minute',
    );
    await context.close();
  });

  it('never shows a title, a card or a name reversed by a right-to-left override', async () => {
    const board = await createBoard(server, 'Bidi', 'en');
    const raw = await connectSynced(server, board.id, board.tokens.facilitator);
    getMeta(raw.doc).set('title', `${RLO}Rivierenland`);
    createItem(raw.doc, { kind: 'note', x: 0, y: 0, text: `${RLO}Stuwtjes` });
    const { context, page, errors } = await watchedPage(`${RLO}Piet`);
    const { pathname, hash } = new URL(board.urls.participant);
    await page.goto(`${server.http}${pathname}${hash}`);
    const title = page.locator('h1.board-title bdi');
    await title.waitFor();
    await page.waitForFunction(() => document.title.includes('Rivierenland'));
    expect(await title.textContent()).toBe('Rivierenland');
    expect(await title.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate');
    const documentTitle = await page.evaluate(() => document.title);
    expect(documentTitle).toBe('\u2068Rivierenland\u2069 · Olievlek');
    const card = outline(page).locator('bdi', { hasText: 'Stuwtjes' });
    await card.waitFor();
    expect(await card.textContent()).toBe('Stuwtjes');
    await page.getByRole('button', { name: /People on this board/ }).click();
    const names = await page.locator('.participant-name').allTextContents();
    expect(names).toEqual(['Piet']);
    // The canvas draws the card without the override.
    const drawn = await page.evaluate(() => {
      const handle = (window as unknown as { olievlek: { paintedTexts(): string[] } }).olievlek;
      return handle.paintedTexts();
    });
    expect(drawn.some((text) => text.includes('Stuwtjes'))).toBe(true);
    expect(drawn.filter((text) => BIDI.test(text))).toEqual([]);
    const shown = await page.evaluate(() => document.body.innerText);
    expect(shown).not.toMatch(BIDI);
    expect(errors).toEqual([]);
    raw.destroy();
    await context.close();
  });
});

/**
 * Issue 10 in Chromium, the share & control side: the front page's template picker, the
 * facilitator's share panel (links, a rotated link refusing the old token, the projector's QR
 * code), follow-me moving two participants (one a 1024×768 touch tablet) until one pans, and a
 * locked item and a locked board refusing a participant's edit, checked from a fresh raw client.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, updateItem } from '../../shared/commands';
import { readBoard } from '../../shared/readBoard';
import { connectSynced, rawClient, waitFor, type TestServer } from '../server/helpers';
import { browserAvailable, launchBrowser, openWatchedPage, startAppServer } from './browser';
import { drag, itemCenter, openBoard, snapshot, type PageSnapshot } from './boardPage';
import { checkPagesEachTest } from './pageErrors';

/** Set to a folder to keep screenshots of the panel, the projector and the follow chip. */
const SHOTS = process.env.SHARE_SHOTS;

interface Links {
  id: string;
  facilitator: string;
  participant: string;
  viewer: string;
}

const tokenOf = (url: string) => new URL(url).hash.slice(1);

/** The board point in the middle of a page's screen, and its zoom. */
function look(s: PageSnapshot) {
  const v = s.viewport as PageSnapshot['viewport'] & { width: number; height: number };
  return { x: (v.width / 2 - v.offsetX) / v.zoom, y: (v.height / 2 - v.offsetY) / v.zoom, zoom: v.zoom };
}

async function lookOf(page: Page) {
  return look(await snapshot(page));
}

/** Waits until `page` looks where `leader` looks (within a board unit or two, same zoom). */
async function sameLook(page: Page, leader: Page, what: string) {
  await waitFor(
    async () => {
      const [a, b] = await Promise.all([lookOf(page), lookOf(leader)]);
      return Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2 && Math.abs(a.zoom - b.zoom) < 0.01;
    },
    what,
    5_000,
  );
}

/** Logs CSP violations as console errors, which the page watch then fails the test on. */
async function reportCsp(page: Page) {
  await page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

describe.runIf(browserAvailable())('share, follow-me and locks in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const watch = checkPagesEachTest();

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Creates a board on the front page with a template and opens it as its facilitator. */
  async function createOnFrontPage(
    size = { width: 1280, height: 800 },
  ): Promise<{ page: Page; links: Links }> {
    const page = await openWatchedPage(browser, watch, { viewport: size });
    await reportCsp(page);
    await page.context().addInitScript(() => window.localStorage.setItem('olievlek.name', 'Fien'));
    await page.goto(`${server.http}/`);
    await page.getByLabel('Board title').fill('Oogst Rivierenland');
    await page.getByRole('radio', { name: /Harvest small wins/ }).check();
    expect(await page.getByText('Ambition, harvest, value, link and make it tangible').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/front-${size.width}.png`, fullPage: true });
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/boards') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create board' }).click();
    const response = await created;
    expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ template: 'harvest' });
    const body = (await response.json()) as { id: string; urls: Omit<Links, 'id'> };
    await page.getByRole('link', { name: 'Open as facilitator' }).click();
    await page.locator('.canvas canvas').first().waitFor({ timeout: 15_000 });
    return { page, links: { id: body.id, ...body.urls } };
  }

  async function openShare(page: Page) {
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    return page.getByRole('dialog', { name: 'Share & control' });
  }

  it('creates a template board, shows its links, rotates a link and projects a QR code', async () => {
    const { page, links } = await createOnFrontPage();
    // The harvest template laid out its areas as locked frames.
    await waitFor(async () => (await snapshot(page)).board.items.some((i) => i.kind === 'frame'), 'frames');

    const panel = await openShare(page);
    await expect
      .poll(() => panel.getByRole('textbox', { name: 'Participants' }).inputValue())
      .toBe(links.participant);
    expect(await panel.getByRole('textbox', { name: 'Viewers' }).inputValue()).toBe(links.viewer);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/share-panel-1280.png` });

    // Rotating warns first, then replaces the participant link.
    await panel.getByRole('button', { name: 'New link: Participants' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('stops working for newcomers');
    await panel.getByRole('alert').getByRole('button', { name: 'New link' }).click();
    await expect
      .poll(() => panel.getByRole('textbox', { name: 'Participants' }).inputValue())
      .not.toBe(links.participant);
    const fresh = await panel.getByRole('textbox', { name: 'Participants' }).inputValue();
    const room = links.id;
    const old = await rawClient(server, room, tokenOf(links.participant));
    expect((await old.closed).code).toBe(4401);
    const admitted = await connectSynced(server, room, tokenOf(fresh));
    expect(admitted.closedWith).toEqual([]);
    admitted.destroy();

    // Opened from its link alone (no page saw it created), the panel still has every link, from the server.
    const elsewhere = await openBoard(browser, watch, server, links.facilitator, undefined, { name: 'Fien' });
    const again = await openShare(elsewhere);
    await expect.poll(() => again.getByRole('textbox', { name: 'Participants' }).inputValue()).toBe(fresh);
    expect(await again.getByRole('textbox', { name: 'Viewers' }).inputValue()).toBe(links.viewer);
    await elsewhere.context().close();

    // Renaming writes the board's title; every client sees it.
    await panel.getByRole('textbox', { name: 'Board title' }).fill('Oogst Rivierenland 2');
    await panel.getByRole('button', { name: 'Rename' }).click();
    const reader = await connectSynced(server, room, tokenOf(links.viewer));
    await waitFor(() => readBoard(reader.doc).meta.title === 'Oogst Rivierenland 2', 'renamed title');
    reader.destroy();

    // Going back asks first, then shows the server's own words (a new board has no snapshot that old).
    // The browser logs the 404 (no snapshot that old) as a failed resource; that is the expected answer.
    watch.expected.push(/status of 404/);
    await panel.getByRole('button', { name: 'Back to 5 minutes ago' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('5 minutes ago');
    await panel.getByRole('alert').getByRole('button', { name: 'Back to' }).click();
    await expect
      .poll(() => panel.getByText(/^That did not work: /).textContent())
      .toBe('That did not work: this board has no snapshot from 5 minutes ago or earlier');

    // The projector shows the new participant link as a QR code and as readable text.
    await panel.getByRole('button', { name: 'Projector view' }).click();
    const projector = page.getByRole('dialog', { name: 'Projector view' });
    const qr = projector.getByRole('img', { name: 'Scan to join' });
    await expect.poll(async () => (await qr.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    // Something was drawn: the canvas holds dark modules, not only its white background.
    const dark = await qr.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 64) count++;
      return count / (data.length / 4);
    });
    expect(dark).toBeGreaterThan(0.2);
    expect(await projector.locator('.projector-url').textContent()).toBe(fresh.replace(/^https?:\/\//, ''));
    expect(await projector.getByRole('heading').textContent()).toBe('Oogst Rivierenland 2');
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/projector-1280.png` });
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.screenshot({ path: `${SHOTS}/projector-1024.png` });
      await projector.getByRole('button', { name: 'Close projector view' }).click();
      await page.screenshot({ path: `${SHOTS}/share-panel-1024.png` });
    }
  }, 60_000);

  it('follow-me moves both participants until one pans; anyone may follow anyone', async () => {
    const { page: lead, links } = await createOnFrontPage();
    const piet = await openBoard(browser, watch, server, links.participant, undefined, { name: 'Piet' });
    const tara = await openBoard(
      browser,
      watch,
      server,
      links.participant,
      { width: 1024, height: 768 },
      {
        name: 'Tara',
        hasTouch: true,
      },
    );
    const panel = await openShare(lead);
    await panel.getByRole('button', { name: 'Bring everyone here' }).click();
    await panel.getByRole('button', { name: 'Close' }).click();

    for (const page of [piet, tara])
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Following Fien' }).count()).toBe(1);
    // The leader moves; both follow live.
    await lead.mouse.move(640, 400);
    await lead.mouse.wheel(300, 200);
    await sameLook(piet, lead, 'Piet follows Fien');
    await sameLook(tara, lead, 'Tara follows Fien');
    if (SHOTS) {
      await tara.screenshot({ path: `${SHOTS}/follow-chip-1024.png` });
      await piet.screenshot({ path: `${SHOTS}/follow-chip-1280.png` });
      await lead.screenshot({ path: `${SHOTS}/leading-1280.png` });
    }

    // Piet pans himself: he stops following, Tara goes on.
    await piet.mouse.move(600, 400);
    await piet.mouse.wheel(0, -250);
    await expect.poll(() => piet.getByText('Following Fien').count()).toBe(0);
    const pietLook = await lookOf(piet);
    await lead.mouse.wheel(-500, 0);
    await sameLook(tara, lead, 'Tara still follows Fien');
    expect(await lookOf(piet)).toEqual(pietLook);

    // Anyone may follow anyone: Piet follows Tara from the participant list.
    await piet.getByRole('button', { name: /^People on this board: / }).click();
    await piet.getByRole('button', { name: 'Follow: Tara' }).click();
    await expect.poll(() => piet.getByText('Following Tara').count()).toBe(1);
    await sameLook(piet, tara, 'Piet follows Tara');

    // The facilitator ends follow-me for everyone.
    await lead.getByRole('button', { name: 'End follow-me' }).click();
    await expect.poll(() => tara.getByText('Following Fien').count()).toBe(0);
  }, 90_000);

  it('a locked item and a locked board refuse a participant’s edit', async () => {
    const { page: lead, links } = await createOnFrontPage();
    const room = links.id;
    const author = await connectSynced(server, room, tokenOf(links.facilitator));
    const id = createItem(author.doc, { kind: 'note', x: 40, y: 40, text: 'Vast' });
    const free = createItem(author.doc, { kind: 'note', x: 400, y: 40, text: 'Vrij' });
    await author.roundTrip();
    author.destroy();

    // The facilitator locks the note from the inspector.
    await waitFor(async () => (await snapshot(lead)).board.items.some((i) => i.id === id), 'note at lead');
    const at = await itemCenter(lead, id);
    await lead.mouse.click(at.x, at.y);
    await lead.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect.poll(() => lead.getByRole('button', { name: 'Unlock', exact: true }).count()).toBe(1);
    if (SHOTS) await lead.screenshot({ path: `${SHOTS}/locked-item-1280.png` });

    const piet = await openBoard(browser, watch, server, links.participant, undefined, { name: 'Piet' });
    const from = await itemCenter(piet, id);
    await drag(piet, from, { x: from.x + 150, y: from.y + 120 });
    // Refused on the spot, in the status line (the inspector also says why while it is selected).
    await expect
      .poll(() => piet.locator('.notice').textContent())
      .toContain('The facilitator locked this item');
    if (SHOTS) await piet.screenshot({ path: `${SHOTS}/locked-item-participant-1280.png` });
    const witness = await connectSynced(server, room, tokenOf(links.viewer));
    const note = () => readBoard(witness.doc).items.find((i) => i.id === id);
    expect(note()).toMatchObject({ x: 40, y: 40 });
    witness.destroy();

    // The board lock: Piet is told why, and his drag of an unlocked note changes nothing.
    const panel = await openShare(lead);
    await panel.getByRole('button', { name: 'Lock the board' }).click();
    await expect.poll(() => piet.getByText('The facilitator has locked the board').count()).toBe(1);
    const start = await itemCenter(piet, free);
    await drag(piet, start, { x: start.x + 100, y: start.y + 100 });
    const later = await connectSynced(server, room, tokenOf(links.viewer));
    expect(readBoard(later.doc).items.find((i) => i.id === free)).toMatchObject({ x: 400, y: 40 });
    later.destroy();
  }, 60_000);

  it('the server drops a participant’s raw change to a locked item', async () => {
    const { page: lead, links } = await createOnFrontPage();
    const room = links.id;
    const author = await connectSynced(server, room, tokenOf(links.facilitator));
    const id = createItem(author.doc, { kind: 'note', x: 40, y: 40, text: 'Vast' });
    await author.roundTrip();
    author.destroy();
    await waitFor(async () => (await snapshot(lead)).board.items.some((i) => i.id === id), 'note at lead');
    const at = await itemCenter(lead, id);
    await lead.mouse.click(at.x, at.y);
    await lead.getByRole('button', { name: 'Lock', exact: true }).click();

    const participant = await connectSynced(server, room, tokenOf(links.participant));
    updateItem(participant.doc, id, { x: 900 });
    await participant.roundTrip();
    participant.destroy();
    const witness = await connectSynced(server, room, tokenOf(links.viewer));
    expect(readBoard(witness.doc).items.find((i) => i.id === id)).toMatchObject({ x: 40 });
    witness.destroy();
  }, 60_000);
});

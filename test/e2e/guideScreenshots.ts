/**
 * `npm run screenshots:guide`: the README's facilitator guide, one harvest session per UI
 * language at 1280×800, written to docs/screenshots/guide-<step>-<lang>.png. Run after visual
 * changes to the facilitation UI and look at every image.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createItem } from '../../shared/commands';
import { workshopTemplate } from '../../shared/control/templates';
import type { Language } from '../../shared/ydoc';
import { t, tn } from '../../client/ui/strings';
import { ts } from '../../client/ui/shareStrings';
import { connectSynced, type TestBoard, type TestServer } from '../server/helpers';
import { createPageWatch, launchBrowser, openWatchedPage, startAppServer, type PageWatch } from './browser';
import { frames, itemCenter, openBoard, outlineEntry, settled } from './boardPage';

const OUT = 'docs/screenshots';
const SIZE = { width: 1280, height: 800 };
const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A few cards of the Rivierenland example, in both languages, for the harvest areas. */
const AMBITION: Record<Language, string> = {
  nl: 'Rivierenland is in 2050 klimaatbestendig: boeren, natuur en bewoners delen het water',
  en: 'By 2050 Rivierenland is climate-proof: farmers, nature and residents share the water',
};
const WINS: Record<Language, string[]> = {
  nl: [
    'Twaalf boeren in de Tielerwaard houden water vast met stuwtjes',
    'Waterschap en LTO delen bodemvochtmetingen in één open kaart',
    'Peilbesluit staat flexibel peilbeheer toe in drie polders',
    'Eén loket van waterschap, provincie en gemeente voor wateraanvragen',
  ],
  en: [
    'Twelve farmers in the Tielerwaard hold water back with small weirs',
    'Water board and farmers’ union share soil moisture data in one open map',
    'Water level decision allows flexible levels in three polders',
    'One desk of water board, province and municipality for water requests',
  ],
};

/** Creates a harvest board in `language` and writes the example cards into its first two areas. */
async function harvestBoard(
  server: TestServer,
  language: Language,
): Promise<{ board: TestBoard; wins: string[] }> {
  const res = await fetch(`${server.http}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: language === 'nl' ? 'Oogst Rivierenland' : 'Harvest Rivierenland',
      language,
      template: 'harvest',
    }),
  });
  if (res.status !== 201) throw new Error(`creating a board answered ${res.status}`);
  const board = (await res.json()) as TestBoard;
  const content = await connectSynced(server, board.id, board.tokens.facilitator);
  createItem(content.doc, { kind: 'ambition', x: 290, y: 200, w: 320, h: 160, text: AMBITION[language] });
  const wins = WINS[language].map((text, i) =>
    createItem(content.doc, {
      kind: 'smallWin',
      // The right part of the harvest area: the vote panel covers the left of the screen.
      x: 1360 + (i % 2) * 280,
      y: 140 + Math.floor(i / 2) * 220,
      text,
    }),
  );
  await content.roundTrip();
  content.destroy();
  return { board, wins };
}

async function shot(page: Page, step: string, language: Language): Promise<void> {
  await frames(page);
  await page.screenshot({ path: `${OUT}/guide-${step}-${language}.png` });
}

/** The front page with the template picker, in the browser's language. */
async function frontPage(browser: Browser, watch: PageWatch, server: TestServer, language: Language) {
  const page = await openWatchedPage(browser, watch, { viewport: SIZE, locale: LOCALE[language] });
  await page.goto(`${server.http}/`);
  await page.getByLabel(t(language, 'landing.title')).fill('Oogst Rivierenland');
  await page
    .getByRole('radio', { name: language === 'nl' ? /Small wins oogsten/ : /Harvest small wins/ })
    .check();
  await shot(page, 'front', language);
  await page.context().close();
}

/**
 * Centres `page` on the area titled `area` (through the outline, which then closes to give the
 * board the whole width), zoomed out `outs` steps from 100 %, then pans `dx` pixels.
 */
async function lookAt(page: Page, language: Language, area: string, outs: number, dx = 0) {
  const toggle = page.getByRole('button', { name: t(language, 'outline.title'), exact: true });
  const outline = page.getByRole('region', { name: t(language, 'outline.title') });
  if (!(await outline.isVisible())) await toggle.click();
  await (await outlineEntry(page, new RegExp(`: ${area}$`), t(language, 'outline.title'))).click();
  for (let i = 0; i < outs; i++) await page.keyboard.press('-');
  await page.keyboard.press('Escape');
  await toggle.click();
  await outline.waitFor({ state: 'hidden' });
  await settled(page);
  if (dx) {
    const box = await page.locator('.canvas').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(dx, 0);
  }
  await settled(page);
}

/** One harvest session in `language`: phases and timer, sharing, a vote, follow-me. */
async function session(browser: Browser, watch: PageWatch, server: TestServer, language: Language) {
  const { board, wins } = await harvestBoard(server, language);
  const [, harvestArea] = workshopTemplate('harvest', language).areas;
  const area = harvestArea!.text;
  const open = (url: string, name: string) => openBoard(browser, watch, server, url, SIZE, { name });
  const lead = await open(board.urls.facilitator, 'Fien');
  const phase = lead.getByRole('region', { name: t(language, 'phase.region') });
  await phase.getByRole('heading').waitFor();
  // The first two areas, the timer started and counting down.
  await lookAt(lead, language, area, 2, -330);
  await lead.getByRole('button', { name: t(language, 'timer.start') }).click();
  await lead.waitForFunction(() =>
    /^\d+:\d\d$/.test(document.querySelector('[role=timer]')?.textContent ?? ''),
  );
  const started = await lead.getByRole('timer').textContent();
  await lead.waitForFunction((at) => document.querySelector('[role=timer]')?.textContent !== at, started);
  await lead.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shot(lead, 'phase', language);

  // The share panel, then the projector view it opens.
  await lead.getByRole('button', { name: ts(language, 'share.open'), exact: true }).click();
  const panel = lead.getByRole('dialog', { name: ts(language, 'share.title') });
  await panel.getByRole('textbox', { name: ts(language, 'share.participant') }).waitFor();
  await lead.waitForFunction(() =>
    [...document.querySelectorAll<HTMLInputElement>('.share-panel input')].every((i) => i.value !== ''),
  );
  await shot(lead, 'share', language);
  await panel.getByRole('button', { name: ts(language, 'share.projector') }).click();
  const projector = lead.getByRole('dialog', { name: ts(language, 'share.projector') });
  const qr = projector.getByRole('img', { name: ts(language, 'share.scan') });
  // The QR encoder loads lazily: wait until the code is drawn at its projector size.
  await qr.waitFor();
  await lead.waitForFunction(() => (document.querySelector('canvas[role=img]')?.clientWidth ?? 0) > 200);
  await shot(lead, 'projector', language);
  await projector.getByRole('button', { name: ts(language, 'share.projectorClose') }).click();
  await panel.getByRole('button', { name: ts(language, 'share.close') }).click();

  // Follow-me: the facilitator brings everyone to the harvest area; a participant sees the chip.
  await lookAt(lead, language, area, 0);
  const piet = await open(board.urls.participant, 'Piet');
  const pietToggle = piet.getByRole('button', { name: t(language, 'outline.title'), exact: true });
  if (await piet.getByRole('region', { name: t(language, 'outline.title') }).isVisible())
    await pietToggle.click();
  await lead.getByRole('button', { name: ts(language, 'share.open'), exact: true }).click();
  await panel.getByRole('button', { name: ts(language, 'follow.everyone') }).click();
  await panel.getByRole('button', { name: ts(language, 'share.close') }).click();
  await piet
    .getByRole('status')
    .filter({ hasText: ts(language, 'follow.chip', { name: 'Fien' }) })
    .waitFor();
  await settled(piet);
  await shot(piet, 'follow', language);
  await piet.getByRole('button', { name: ts(language, 'follow.stop') }).click();

  // A secret dot vote: 3 dots each; this participant has placed two.
  const vote = (page: Page) => page.getByRole('region', { name: t(language, 'vote.panel') });
  await lead.getByRole('button', { name: t(language, 'vote.toggle'), exact: true }).click();
  await vote(lead).getByLabel(t(language, 'vote.budget')).fill('3');
  await vote(lead)
    .getByRole('button', { name: t(language, 'vote.open') })
    .click();
  await vote(piet)
    .getByText(tn(language, 'vote.left', 3))
    .waitFor();
  const dotOnCanvas = async (card: number, left: number) => {
    const at = await itemCenter(piet, wins[card]!);
    await piet.mouse.click(at.x, at.y);
    await piet.keyboard.press('d');
    await vote(piet)
      .getByText(tn(language, 'vote.left', left))
      .waitFor();
    await piet.keyboard.press('Escape');
  };
  await dotOnCanvas(0, 2);
  await dotOnCanvas(2, 1);
  await piet.mouse.move(5, 700);
  await settled(piet);
  await shot(piet, 'vote', language);

  // Two more voters (picking cards from the outline), then the reveal: the ranking on the board.
  for (const [name, cards] of [
    ['Anouk', [0, 0, 1]],
    ['Bram', [2, 0, 3]],
  ] as const) {
    const voter = await open(board.urls.participant, name);
    await vote(voter)
      .getByText(tn(language, 'vote.left', 3))
      .waitFor();
    const outline = voter.getByRole('region', { name: t(language, 'outline.title') });
    if (!(await outline.isVisible()))
      await voter.getByRole('button', { name: t(language, 'outline.title'), exact: true }).click();
    for (const card of cards) {
      const entry = await outlineEntry(
        voter,
        new RegExp(WINS[language][card]!.slice(0, 20)),
        t(language, 'outline.title'),
      );
      await entry.click();
      await voter.keyboard.press('d');
    }
    await vote(voter)
      .getByText(tn(language, 'vote.left', 0))
      .waitFor();
    await voter.context().close();
  }
  await dotOnCanvas(1, 0);
  await vote(lead)
    .getByRole('button', { name: t(language, 'vote.reveal') })
    .click();
  await vote(piet).getByRole('listitem').first().waitFor();
  await settled(piet);
  await shot(piet, 'ranking', language);
  await piet.context().close();
  await lead.context().close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer();
  const browser = await launchBrowser();
  const watch = createPageWatch();
  try {
    for (const language of ['en', 'nl'] as const) {
      await frontPage(browser, watch, server, language);
      await session(browser, watch, server, language);
    }
    console.log(`guide screenshots written to ${OUT}/`);
    for (const error of watch.errors) console.warn(`a page logged: ${error}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();

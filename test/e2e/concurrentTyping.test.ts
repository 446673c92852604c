/**
 * Issue 12, finding 7: two people typing in one card, one at its end and one at its start,
 * each at a person's pace. Every keystroke must land where its typist's caret was, so both
 * sentences come out whole, the same on both pages and for a fresh client.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItems } from '../../shared/ydoc';
import { createItem } from '../../shared/commands';
import { connectSynced, createBoard, waitFor, type TestServer } from '../server/helpers';
import { browserAvailable, launchBrowser, startAppServer } from './browser';
import { checkPagesEachTest } from './pageErrors';
import { itemCenter, openBoard, snapshot } from './boardPage';

const CORE = 'KERN';
const FRONT = 'Vooraan erbij ';
const BACK = ' achteraan erbij';

describe.runIf(browserAvailable())('two people typing in one card (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const watch = checkPagesEachTest();

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens the card's text in place on `page`, with the caret at its start or end. */
  async function startEditing(page: Page, id: string, caret: 'start' | 'end'): Promise<void> {
    const center = await itemCenter(page, id);
    await page.mouse.dblclick(center.x, center.y);
    const field = page.locator('textarea.text-editor');
    await field.waitFor();
    await field.evaluate((element: HTMLTextAreaElement, at) => {
      const index = at === 'start' ? 0 : element.value.length;
      element.setSelectionRange(index, index);
    }, caret);
  }

  function cardText(page: Page, id: string): Promise<string | undefined> {
    return snapshot(page).then((s) => s.board.items.find((item) => item.id === id)?.text);
  }

  // Rounds at paces inside the 4–9 keys/s, then faster ones: one keystroke landing in
  // the gap after a remote change is enough to scramble the card, and faster typing makes
  // that gap harder to miss.
  for (const [front, back] of [
    [110, 150],
    [130, 200],
    [90, 120],
    [45, 60],
  ] as const) {
    it(`keeps both sentences whole at ${Math.round(1000 / front)} and ${Math.round(1000 / back)} keys/s`, async () => {
      const board = await createBoard(server, 'Samen typen', 'nl');
      const raw = await connectSynced(server, board.id, board.tokens.facilitator);
      const id = createItem(raw.doc, { kind: 'note', x: 0, y: 0, w: 400, h: 200, text: CORE });
      const facilitator = await openBoard(browser, watch, server, board.urls.facilitator, undefined, {
        name: 'Fien',
      });
      const participant = await openBoard(browser, watch, server, board.urls.participant, undefined, {
        name: 'Piet',
      });
      await waitFor(async () => (await cardText(participant, id)) === CORE, 'card on both pages');
      await waitFor(async () => (await cardText(facilitator, id)) === CORE, 'card on both pages');
      await startEditing(facilitator, id, 'end');
      await startEditing(participant, id, 'start');

      await Promise.all([
        participant.keyboard.type(FRONT, { delay: front }),
        facilitator.keyboard.type(BACK, { delay: back }),
      ]);

      const expected = `${FRONT}${CORE}${BACK}`;
      const settled = async () => {
        const texts = [await cardText(facilitator, id), await cardText(participant, id)];
        const fields = await Promise.all(
          [facilitator, participant].map((page) => page.locator('textarea.text-editor').inputValue()),
        );
        const rawText = getItems(raw.doc).get(id);
        const all = [...texts, ...fields, String((rawText as { get(k: string): unknown }).get('text'))];
        return all.every((text) => text === all[0]) ? all[0] : null;
      };
      const agreed = await waitFor(settled, 'both pages and the raw client agree', 5000).catch(
        async () =>
          `disagree: ${JSON.stringify(await Promise.all([facilitator, participant].map((p) => cardText(p, id))))}`,
      );
      expect(agreed).toBe(expected);

      // A client that joins afterwards reads the same text from the server.
      const fresh = await connectSynced(server, board.id, board.tokens.viewer);
      const freshText = (getItems(fresh.doc).get(id) as { get(k: string): unknown }).get('text');
      expect(String(freshText)).toBe(expected);
      fresh.destroy();
      raw.destroy();
      await facilitator.context().close();
      await participant.context().close();
    });
  }
});

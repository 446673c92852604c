/**
 * `npm run screenshots`: the Rivierenland example in Chromium at the sizes the README shows,
 * written to docs/screenshots/. Run after visual changes and look at every image.
 */
import { mkdirSync } from 'node:fs';
import { createBoard } from '../server/helpers';
import { loadBoardInto } from '../support/loadExample';
import { launchBrowser, startAppServer } from './browser';
import { itemCenter, openBoard, snapshot } from './boardPage';

const OUT = 'docs/screenshots';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const board = await createBoard(server, 'Small wins Rivierenland: landbouw en water', 'nl');
    await loadBoardInto(server.http, board.id, board.tokens.facilitator);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      const page = await openBoard(browser, server, board.urls.facilitator, size);
      await page.keyboard.press('Shift+Digit1');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/board-${size.width}x${size.height}.png` });
      await page.context().close();
    }
    // A close-up at 100 % with a small win selected: cards, badges, links and the inspector.
    const page = await openBoard(browser, server, board.urls.facilitator, { width: 1280, height: 800 });
    const win = (await snapshot(page)).board.items.find((item) => item.id === 'sw-peilbesluit');
    if (win) {
      await page
        .getByRole('region', { name: 'Overzicht' })
        .getByRole('button', { name: /^Small win: Peilbesluit/ })
        .click();
      await page.keyboard.press('0');
      await page.waitForTimeout(300);
      const c = await itemCenter(page, win.id);
      await page.mouse.click(c.x, c.y);
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: `${OUT}/board-detail-1280x800.png` });
    // The insight panel with the paths through one small win highlighted on the canvas.
    await page.getByRole('button', { name: 'Inzichten' }).click();
    await page.keyboard.press('Shift+Digit1');
    await page.waitForTimeout(300);
    const stuwtjes = await itemCenter(page, 'sw-stuwtjes');
    await page.mouse.click(stuwtjes.x, stuwtjes.y);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/board-insights-1280x800.png` });
    console.log(`screenshots written to ${OUT}/`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();

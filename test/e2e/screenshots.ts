/**
 * `npm run screenshots`: the Rivierenland example in Chromium at the sizes the README shows,
 * written to docs/screenshots/. Run after visual changes and look at every image.
 */
import { mkdirSync } from 'node:fs';
import { createBoard } from '../server/helpers';
import { loadBoardInto } from '../support/loadExample';
import { createPageWatch, launchBrowser, startAppServer } from './browser';
import { frames, itemCenter, openBoard, outlineEntry, settled, snapshot, waitForSnapshot } from './boardPage';

const OUT = 'docs/screenshots';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer();
  const browser = await launchBrowser();
  const watch = createPageWatch();
  try {
    const board = await createBoard(server, 'Small wins Rivierenland: landbouw en water', 'nl');
    await loadBoardInto(server.http, board.id, board.tokens.facilitator);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      const page = await openBoard(browser, watch, server, board.urls.facilitator, size);
      await page.keyboard.press('Shift+Digit1');
      await settled(page);
      await page.screenshot({ path: `${OUT}/board-${size.width}x${size.height}.png` });
      await page.context().close();
    }
    // A close-up at 100 % with a small win selected: cards, badges, links and the inspector.
    const page = await openBoard(browser, watch, server, board.urls.facilitator, {
      width: 1280,
      height: 800,
    });
    const win = (await snapshot(page)).board.items.find((item) => item.id === 'sw-peilbesluit');
    if (win) {
      await (await outlineEntry(page, /^Small win: Peilbesluit/, 'Overzicht')).click();
      await page.keyboard.press('0');
      await settled(page);
      const c = await itemCenter(page, win.id);
      await page.mouse.click(c.x, c.y);
      await waitForSnapshot(page, (s) => s.selection.includes(win.id));
      await frames(page);
    }
    await page.screenshot({ path: `${OUT}/board-detail-1280x800.png` });
    // The insight panel with the paths through one small win highlighted on the canvas.
    await page.getByRole('button', { name: 'Inzichten' }).click();
    await page.keyboard.press('Shift+Digit1');
    await settled(page);
    const stuwtjes = await itemCenter(page, 'sw-stuwtjes');
    await page.mouse.click(stuwtjes.x, stuwtjes.y);
    await waitForSnapshot(page, (s) => s.selection.includes('sw-stuwtjes'));
    await frames(page);
    await page.screenshot({ path: `${OUT}/board-insights-1280x800.png` });
    // A tablet in landscape with three other people's cursors and one of their selections.
    const people: [string, number, number][] = [
      ['Anouk (waterschap)', 0.35, 0.4],
      ['Bram (LTO)', 0.62, 0.55],
      ['Cees (provincie)', 0.5, 0.75],
    ];
    const others = [];
    for (const [name, fx, fy] of people) {
      const other = await openBoard(
        browser,
        watch,
        server,
        board.urls.participant,
        { width: 1280, height: 800 },
        { name },
      );
      others.push({ page: other, fx, fy });
    }
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
    await tablet.keyboard.press('Shift+Digit1');
    for (const { page: other, fx, fy } of others) {
      await other.keyboard.press('Shift+Digit1');
      const box = await other.locator('.canvas').boundingBox();
      if (box) await other.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 3 });
    }
    const bram = others[1]?.page;
    if (bram) await (await outlineEntry(bram, /^Small win: Peilbesluit/, 'Overzicht')).click();
    for (const [name] of people) {
      // A cursor outside the tablet's view is not drawn: say so rather than fail the run.
      await tablet
        .locator('.remote-cursor', { hasText: name })
        .waitFor({ timeout: 5000 })
        .catch(() => console.warn(`the cursor of ${name} did not appear on the tablet`));
    }
    await settled(tablet);
    await tablet.screenshot({ path: `${OUT}/tablet-1024x768-three-cursors.png` });
    await tablet.setViewportSize({ width: 768, height: 1024 });
    await settled(tablet);
    await tablet.getByRole('button', { name: 'Passend maken' }).click();
    await settled(tablet);
    await tablet.screenshot({ path: `${OUT}/tablet-768x1024-three-cursors.png` });
    console.log(`screenshots written to ${OUT}/`);
    for (const error of watch.errors) console.warn(`a page logged: ${error}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();

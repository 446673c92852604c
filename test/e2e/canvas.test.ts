/**
 * The canvas issue's acceptance, in Chromium with two browser contexts on one board: every
 * kind created from the toolbar and by keyboard, text, moving, linking, deleting with links,
 * per-user undo, and the other context's Outline following each change within 2 s.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../shared/itemKinds';
import { kindLabel } from '../../shared/i18n';
import { createBoard, type TestServer } from '../server/helpers';
import { browserAvailable, launchBrowser, startAppServer } from './browser';
import { canvasPoint, drag, itemCenter, openBoard, outline, snapshot, waitForSnapshot } from './boardPage';
import { checkPagesEachTest } from './pageErrors';

const CHANGE_VISIBLE_MS = 2000;

describe.runIf(browserAvailable())('board canvas in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  // Each test fails if either page logged an error, from its first navigation on.
  const watch = checkPagesEachTest();

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function freshBoard(title: string) {
    const board = await createBoard(server, title, 'en');
    alice = await openBoard(browser, watch, server, board.urls.facilitator);
    bob = await openBoard(browser, watch, server, board.urls.participant);
    return board;
  }

  /** Creates an item by arming a tool with the pointer and clicking the canvas, then types its text. */
  async function createWithPointer(
    page: Page,
    kind: (typeof ITEM_KINDS)[number],
    at: { x: number; y: number },
    text: string,
  ) {
    await page.getByRole('button', { name: kindLabel('en', kind), exact: true }).click();
    await page.mouse.click(at.x, at.y);
    if (kind !== 'boundary') {
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
    }
    const s = await snapshot(page);
    return s.board.items.at(-1)?.kind === kind
      ? (s.board.items.at(-1)?.id as string)
      : (s.selection[0] as string);
  }

  it('creates every kind from the toolbar and the other context sees each within 2 s', async () => {
    await freshBoard('Toolbar');
    await alice.keyboard.press('-');
    await alice.keyboard.press('-');
    for (const [i, kind] of ITEM_KINDS.entries()) {
      const at = await canvasPoint(alice, 0.1 + (i % 4) * 0.15, i < 4 ? 0.35 : 0.7);
      await createWithPointer(alice, kind, at, `${kind} from the toolbar`);
      if (kind === 'boundary') {
        await outline(bob)
          .getByRole('treeitem', { name: /^Boundary marker/ })
          .first()
          .waitFor({ timeout: CHANGE_VISIBLE_MS });
      } else {
        await outline(bob).getByText(`${kind} from the toolbar`).waitFor({ timeout: CHANGE_VISIBLE_MS });
      }
    }
    const kinds = (await snapshot(bob)).board.items.map((item) => item.kind).sort();
    expect(kinds).toEqual([...ITEM_KINDS].sort());
  });

  it('creates every kind by keyboard alone', async () => {
    await freshBoard('Keyboard');
    for (const kind of ITEM_KINDS) {
      // Pressing a tool button from the keyboard creates the item at the centre of the screen.
      await alice.getByRole('button', { name: kindLabel('en', kind), exact: true }).focus();
      await alice.keyboard.press('Enter');
      if (kind !== 'boundary') {
        await alice.keyboard.type(`${kind} by keyboard`);
        await alice.keyboard.press('Escape');
      }
    }
    // The shortcut letter arms a tool; Enter places it.
    await alice.keyboard.press('n');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('note by shortcut');
    await alice.keyboard.press('Escape');
    await outline(bob).getByText('note by shortcut').waitFor({ timeout: CHANGE_VISIBLE_MS });
    for (const kind of ITEM_KINDS.filter((k) => k !== 'boundary')) {
      await outline(bob).getByText(`${kind} by keyboard`).waitFor({ timeout: CHANGE_VISIBLE_MS });
    }
    const items = (await snapshot(bob)).board.items;
    expect(items.filter((item) => item.kind === 'boundary')).toHaveLength(1);
    expect(items).toHaveLength(ITEM_KINDS.length + 1);
  });

  it('edits, moves, links and deletes an item with its links; the other context follows', async () => {
    await freshBoard('Paths');
    const ambition = await createWithPointer(
      alice,
      'ambition',
      await canvasPoint(alice, 0.62, 0.3),
      'Dry feet in 2050',
    );
    const win = await createWithPointer(
      alice,
      'smallWin',
      await canvasPoint(alice, 0.3, 0.3),
      'Weirs in ditches',
    );
    await outline(bob).getByText('Weirs in ditches').waitFor({ timeout: CHANGE_VISIBLE_MS });

    // Edit: double-click opens the text in place; typing appends.
    const center = await itemCenter(alice, win);
    await alice.mouse.dblclick(center.x, center.y);
    await alice.keyboard.type(' by twelve farmers');
    await alice.keyboard.press('Escape');
    await outline(bob)
      .getByText('Weirs in ditches by twelve farmers')
      .waitFor({ timeout: CHANGE_VISIBLE_MS });

    // Move by dragging, then by keyboard.
    const before = (await snapshot(bob)).board.items.find((i) => i.id === win);
    await drag(alice, center, { x: center.x, y: center.y + 180 });
    const zoom = (await snapshot(alice)).viewport.zoom;
    await waitForSnapshot(bob, (s) => {
      const moved = s.board.items.find((i) => i.id === win);
      return !!moved && !!before && Math.abs(moved.y - before.y - 180 / zoom) < 2 && moved.x === before.x;
    });
    await alice.keyboard.press('ArrowRight');
    await waitForSnapshot(bob, (s) => s.board.items.find((i) => i.id === win)?.x === (before?.x ?? 0) + 10);

    // Link with the pointer: drag from the selected win's link handle onto the ambition.
    const w = (await snapshot(alice)).board.items.find((i) => i.id === win);
    if (!w) throw new Error('win vanished');
    const box = await alice.locator('.canvas').boundingBox();
    const v = (await snapshot(alice)).viewport;
    const handle = {
      x: (box?.x ?? 0) + (w.x + w.w) * v.zoom + v.offsetX + 18,
      y: (box?.y ?? 0) + (w.y + w.h / 2) * v.zoom + v.offsetY,
    };
    const target = (await snapshot(alice)).board.items.find((i) => i.id === ambition);
    if (!target) throw new Error('ambition vanished');
    // Aim at the ambition's left part: the inspector panel floats over the right of the canvas.
    await drag(alice, handle, {
      x: (box?.x ?? 0) + (target.x + 40) * v.zoom + v.offsetX,
      y: (box?.y ?? 0) + (target.y + 40) * v.zoom + v.offsetY,
    });
    await outline(bob)
      .getByText(/contributes to/)
      .waitFor({ timeout: CHANGE_VISIBLE_MS });

    // Link with the keyboard: a second win, then L opens the link dialog from it.
    await alice.getByRole('button', { name: 'Small win', exact: true }).focus();
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('Study circle of 40 farmers');
    await alice.keyboard.press('Escape');
    await alice.keyboard.press('l');
    const dialog = alice.getByRole('dialog');
    await dialog
      .getByLabel('Link to')
      .selectOption({ label: 'Small win: Weirs in ditches by twelve farmers' });
    await dialog.getByLabel('Kind of link').selectOption({ label: 'broadens to' });
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await outline(bob)
      .getByText(/broadens to/)
      .waitFor({ timeout: CHANGE_VISIBLE_MS });
    expect((await snapshot(bob)).board.links).toHaveLength(2);

    // Delete the first win from the outline and the keyboard: its two links go with it.
    await outline(alice)
      .getByRole('treeitem', { name: /^Small win: Weirs in ditches/ })
      .click();
    await alice.keyboard.press('Delete');
    await outline(bob)
      .getByText('Weirs in ditches by twelve farmers')
      .waitFor({ state: 'detached', timeout: CHANGE_VISIBLE_MS });
    const after = await snapshot(bob);
    expect(after.board.links).toEqual([]);
    expect(after.board.items.map((i) => i.text).sort()).toEqual([
      'Dry feet in 2050',
      'Study circle of 40 farmers',
    ]);
  });

  it('undo reverts only one’s own change', async () => {
    await freshBoard('Undo');
    await createWithPointer(alice, 'note', await canvasPoint(alice, 0.3, 0.4), 'from alice');
    await createWithPointer(bob, 'note', await canvasPoint(bob, 0.7, 0.4), 'from bob');
    await outline(alice).getByText('from bob').waitFor({ timeout: CHANGE_VISIBLE_MS });
    // The first undo takes back the typing, the second the note itself.
    await alice.keyboard.press('Control+z');
    await alice.keyboard.press('Control+z');
    await outline(bob).getByText('from alice').waitFor({ state: 'detached', timeout: CHANGE_VISIBLE_MS });
    await outline(alice).getByText('from bob').waitFor({ timeout: CHANGE_VISIBLE_MS });
    expect((await snapshot(bob)).board.items.map((i) => i.text)).toEqual(['from bob']);
    await alice.keyboard.press('Control+Shift+z');
    await alice.keyboard.press('Control+Shift+z');
    await outline(bob).getByText('from alice').waitFor({ timeout: CHANGE_VISIBLE_MS });
  });

  it('keeps the stacking order after a drag: a frame dragged under a card stays under it', async () => {
    await freshBoard('Stacking');
    const note = await createWithPointer(alice, 'note', await canvasPoint(alice, 0.5, 0.5), 'on top');
    const frame = await createWithPointer(alice, 'frame', await canvasPoint(alice, 0.3, 0.5), 'Island');
    const s = await snapshot(alice);
    expect(s.board.items.map((i) => i.id)).toEqual([frame, note]);
    // Drag the frame by its title area so that it ends up under the note.
    const f = s.board.items.find((i) => i.id === frame);
    if (!f) throw new Error('no frame');
    const grip = await itemCenter(alice, frame);
    const grab = { x: grip.x, y: grip.y - (f.h / 2 - 20) * s.viewport.zoom };
    await drag(alice, grab, { x: grab.x + 150, y: grab.y });
    await waitForSnapshot(alice, (t) => (t.board.items.find((i) => i.id === frame)?.x ?? 0) > f.x + 100);
    // A click where both overlap picks the note: the frame went back below it.
    await alice.keyboard.press('Escape');
    const target = await itemCenter(alice, note);
    await alice.mouse.click(target.x, target.y);
    expect((await snapshot(alice)).selection).toEqual([note]);
  });
});

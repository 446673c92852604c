import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../../shared/itemKinds';
import { toolHarness } from './harness';

describe('linking and creating with the tools', () => {
  it('draws a link with the link tool and links on release over another item', () => {
    const t = toolHarness();
    const win = t.add('smallWin', 0, 0);
    const amb = t.add('ambition', 600, 0);
    t.editor.setTool('link');
    expect(t.interaction().cursor).toBe('crosshair');
    t.tools.pointerDown(t.pointer({ x: 50, y: 50 }));
    t.tools.pointerMove(t.pointer({ x: 400, y: 50 }));
    expect(t.interaction()).toMatchObject({
      state: 'linking',
      linkDraft: { from: win, to: { x: 400, y: 50 } },
    });
    t.tools.pointerUp(t.pointer({ x: 700, y: 50 }));
    expect(t.editor.getSnapshot().board.links).toMatchObject([{ from: win, to: amb, kind: 'contributes' }]);
    expect(t.interaction().linkDraft).toBeNull();
  });

  it('draws a link from the link handle, and none when released on empty canvas', () => {
    const t = toolHarness();
    const win = t.add('smallWin', 0, 0);
    const amb = t.add('ambition', 600, 0);
    t.click({ x: 10, y: 10 });
    const handle = { x: 260 + 18, y: 60 };
    expect(t.editor.hitTest(handle)).toEqual({ type: 'handle', itemId: win, handle: 'link' });
    t.drag([handle, { x: 450, y: 400 }]);
    expect(t.editor.getSnapshot().board.links).toEqual([]);
    t.drag([handle, { x: 700, y: 50 }]);
    expect(t.editor.getSnapshot().board.links).toMatchObject([{ from: win, to: amb }]);
  });

  it('shows no link handle on kinds no link takes', () => {
    const t = toolHarness();
    t.add('note', 0, 0);
    t.click({ x: 10, y: 10 });
    expect(t.editor.hitTest({ x: 218, y: 80 })).toEqual({ type: 'none' });
  });

  it.each(ITEM_KINDS)('creates a %s where the kind tool presses, on canvas or on an item', (kind) => {
    const t = toolHarness();
    t.add('frame', -1000, -1000, { w: 3000, h: 3000 });
    t.editor.setTool(kind);
    t.tools.pointerDown(t.pointer({ x: 300, y: 200 }));
    expect(t.interaction().state).toBe('creating');
    t.tools.pointerMove(t.pointer({ x: 500, y: 500 }));
    t.tools.pointerUp(t.pointer({ x: 500, y: 500 }));
    const items = t.editor.getSnapshot().board.items.filter((i) => i.kind === kind);
    const made = items.find((i) => i.w !== 3000);
    expect(made?.x).toBe(Math.round(300 - (made?.w ?? 0) / 2));
    expect(t.editor.getSnapshot().selection).toEqual([made?.id]);
    expect(t.editor.getSnapshot().tool).toBe('select');
    expect(t.interaction().state).toBe('idle');
  });
});

import { describe, expect, it } from 'vitest';
import { ITEM_KINDS, type ItemKind } from '../../../shared/itemKinds';
import { KINDS } from '../../../shared/kinds/registry';
import { exportLayouts } from '../../../shared/render/layout';
import { parseItem, parseLink, type BoardItem } from '../../../shared/schema';
import { itemDisplayBox, itemPaintBox, paintedText, paintItem, paintLink, PAINT_MARGIN } from './paintItem';
import { paintPrimitives, type Context2D } from './paintPrimitives';

/** A 2D context that records every call and property write, in order. */
function recordingContext() {
  const log: string[] = [];
  const state: Record<string | symbol, unknown> = { globalAlpha: 1, font: '', letterSpacing: '0px' };
  const ctx = new Proxy(state, {
    get(target, name) {
      if (name === 'getTransform') return () => ({ a: 2, d: 2 });
      if (name in target) return target[name];
      return (...args: unknown[]) =>
        log.push(`${String(name)}(${args.map((a) => JSON.stringify(a)).join(',')})`);
    },
    set(target, name, value) {
      target[name] = value;
      log.push(`${String(name)}=${JSON.stringify(value)}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as Context2D, log, state };
}

function item(
  kind: ItemKind,
  text = 'Twaalf boeren in de Tielerwaard houden water vast met stuwtjes',
): BoardItem {
  const result = parseItem({ id: kind, kind, x: 10, y: 20, ...KINDS[kind].defaults, text });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('paintPrimitives', () => {
  it('paints one fillText per line, shadows only at full detail, and never saves or restores', () => {
    for (const detail of ['full', 'low'] as const) {
      const { ctx, log, state } = recordingContext();
      state.globalAlpha = 0.3;
      paintPrimitives(
        ctx,
        [
          { type: 'rect', x: 0, y: 0, w: 100, h: 50, radius: 10, fill: '#fff', stroke: '#000', shadow: true },
          { type: 'text', x: 5, y: 5, lines: ['a', 'b'], fontSize: 10, colour: '#000', letterSpacing: 0.6 },
          { type: 'line', points: [0, 0, 50, 0], stroke: '#f00', dash: [4, 2], arrow: 'end', opacity: 0.5 },
        ],
        detail,
      );
      expect(log.filter((call) => call.startsWith('fillText'))).toEqual([
        'fillText("a",5,11.5)',
        'fillText("b",5,24.5)',
      ]);
      expect(log.some((call) => call.startsWith('save') || call.startsWith('restore'))).toBe(false);
      expect(log.includes('shadowColor="rgba(29, 43, 51, 0.12)"')).toBe(detail === 'full');
      expect(log).toContain('letterSpacing="0.6px"');
      expect(log).toContain('globalAlpha=0.15');
      // Whatever it changed for one primitive, it leaves as it found it.
      expect(state.globalAlpha).toBe(0.3);
      expect(state.letterSpacing).toBe('0px');
      expect(log.at(-1)).toBe('globalAlpha=0.3');
    }
  });
});

describe('paintItem', () => {
  it.each(ITEM_KINDS)('paints a %s with its lock and never as markup', (kind) => {
    const { ctx, log } = recordingContext();
    paintItem(ctx, item(kind, '<b>vet</b>'), { language: 'nl', detail: 'full', locked: true });
    expect(log.filter((call) => call.startsWith('fillText')).join()).toContain('<b>vet</b>');
    // The lock's body is a rect at the item's top right.
    expect(log.some((call) => call.startsWith('arcTo') || call.startsWith('rect'))).toBe(true);
  });

  it('uses the one layout: display boxes match the exports when measured alike', () => {
    for (const kind of ITEM_KINDS) {
      const shown = item(kind);
      const box = itemDisplayBox(shown);
      expect(box.h).toBe(Math.abs(exportLayouts.of(shown).height));
      expect(itemDisplayBox(shown)).toBe(box);
      const paint = itemPaintBox(shown, { language: 'en', detail: 'full' });
      expect(paint.x).toBe(box.x - PAINT_MARGIN);
      expect(paint.w).toBeGreaterThanOrEqual(box.w + 2 * PAINT_MARGIN);
    }
  });

  it('paints no bidi controls', () => {
    for (const kind of ITEM_KINDS) {
      const text = paintedText(item(kind, '\u202Eevil\u2066 name'), { language: 'en', detail: 'full' }).join(
        '',
      );
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
  });

  it('paints a link as an arrow with its caption, faint off the highlighted paths', () => {
    const link = parseLink({
      id: 'l',
      kind: 'contributes',
      from: 'smallWin',
      to: 'ambition',
      label: 'samen',
    });
    if (!link.ok) throw new Error(link.reason);
    const from = { ...item('smallWin'), x: 0, y: 0 };
    const to = { ...item('ambition'), x: 800, y: 0 };
    const { ctx, log } = recordingContext();
    paintLink(ctx, link.value, from, to, {
      language: 'en',
      captions: 'all',
      selected: false,
      emphasis: 'off',
      badges: undefined,
    });
    expect(log.filter((call) => call.startsWith('fillText'))).toEqual([
      expect.stringContaining('contributes to: samen'),
    ]);
    expect(log).toContain('globalAlpha=0.18');
  });
});

import { describe, expect, it } from 'vitest';
import { hitTest, itemBounds } from '../geometry';
import { ITEM_KINDS, type ItemKind } from '../itemKinds';
import { LINK_KINDS, linkKindRules } from '../links/registry';
import { createItemLayouts, exportLayouts, exportMeasure, type Measure } from '../render/layout';
import type { Primitive } from '../render/primitives';
import { parseItem, type BoardItem } from '../schema';
import { isLinkable, kindDefinition, KINDS } from './registry';

const LONG = 'Waterschap en LTO delen bodemvochtmetingen in één open kaart '.repeat(6);

function sample(kind: ItemKind, text = LONG): BoardItem {
  const size = KINDS[kind].defaults;
  const result = parseItem({ id: `${kind}-1`, kind, x: 100, y: -40, ...size, text });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function numbers(primitive: Primitive): number[] {
  return Object.values(primitive).flatMap((value): number[] =>
    typeof value === 'number'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v) => typeof v === 'number')
        : [],
  );
}

describe('kind definitions', () => {
  it('cover every kind, each under its own name, with a schema that parses it', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...ITEM_KINDS].sort());
    for (const kind of ITEM_KINDS) {
      const definition = kindDefinition(kind);
      expect(definition.kind).toBe(kind);
      expect(definition.schema.safeParse({ id: 'x', kind, x: 0, y: 0, w: 10, h: 10 }).success).toBe(true);
      expect(definition.defaults.w).toBeGreaterThan(0);
      for (const value of Object.values(definition.text).filter((v) => typeof v === 'number'))
        expect(Number.isFinite(value)).toBe(true);
      expect(['box', 'line']).toContain(definition.traits.shape);
      expect(['grows', 'fixed']).toContain(definition.traits.height);
    }
  });

  it.each(ITEM_KINDS)('%s draws finite numbers at both details in both languages', (kind) => {
    for (const item of [
      sample(kind),
      sample(kind, ''),
      { ...sample(kind), w: kind === 'boundary' ? -300 : 40 },
    ]) {
      for (const language of ['nl', 'en'] as const) {
        for (const detail of ['full', 'low'] as const) {
          const drawing = kindDefinition(kind).draw(item as never, exportLayouts.of(item), {
            language,
            detail,
          });
          expect(drawing.length).toBeGreaterThan(0);
          for (const primitive of drawing)
            for (const n of numbers(primitive)) expect(Number.isFinite(n)).toBe(true);
        }
      }
    }
  });

  it.each(ITEM_KINDS)('%s writes no text at low detail except a background title', (kind) => {
    const drawing = kindDefinition(kind).draw(sample(kind) as never, exportLayouts.of(sample(kind)), {
      language: 'nl',
      detail: 'low',
    });
    const texts = drawing.filter((p) => p.type === 'text');
    expect(texts.length).toBe(KINDS[kind].traits.isBackground ? 1 : 0);
  });

  it('declare link ends exactly as the link rules use them', () => {
    for (const kind of ITEM_KINDS) {
      const ends = KINDS[kind].traits.linkEnds;
      const from = LINK_KINDS.some((link) => linkKindRules[link].from.includes(kind));
      const to = LINK_KINDS.some((link) => linkKindRules[link].to.includes(kind));
      expect(ends.includes('from'), `${kind} as a source`).toBe(from);
      expect(ends.includes('to'), `${kind} as a target`).toBe(to);
    }
    // The list SelectionOverlay used to copy by hand.
    expect(ITEM_KINDS.filter(isLinkable).sort()).toEqual(['actor', 'ambition', 'intervention', 'smallWin']);
  });
});

describe('the one layout', () => {
  it('gives the same layout for the same measure, whoever asks (canvas or export)', () => {
    const canvas = createItemLayouts(exportMeasure);
    for (const kind of ITEM_KINDS) {
      const item = sample(kind);
      expect(canvas.of(item)).toEqual(exportLayouts.of({ ...item }));
    }
  });

  it('grows cards with their text and keeps the height of fixed kinds', () => {
    for (const kind of ITEM_KINDS) {
      const item = sample(kind);
      const layout = exportLayouts.of(item);
      if (KINDS[kind].traits.height === 'fixed') expect(layout.height).toBe(item.h);
      else expect(layout.height).toBeGreaterThan(item.h);
    }
  });

  it('measures again only when text or width changes, and wraps by the measure passed in', () => {
    let calls = 0;
    const counting: Measure = (text, size, bold) => (calls++, exportMeasure(text, size, bold));
    const layouts = createItemLayouts(counting);
    const item = sample('note');
    layouts.of(item);
    const first = calls;
    layouts.of({ ...item, x: 500 });
    expect(calls).toBe(first);
    layouts.of({ ...item, w: 400 });
    expect(calls).toBeGreaterThan(first);
    const wide = createItemLayouts(() => 1).of(item);
    expect(wide.lines.length).toBeLessThan(layouts.of(item).lines.length);
  });

  it('keeps at most two title lines for a frame, ending in an ellipsis', () => {
    const lines = exportLayouts.of(sample('frame')).lines;
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
  });

  it('draws no bidi controls', () => {
    const item = sample('note', '\u202Eabc\u2066def');
    expect(exportLayouts.of(item).lines.join('')).toBe('abcdef');
  });
});

describe('traits instead of kind names', () => {
  it('a line-shaped item is bounded by its normalised extent and hit along its line', () => {
    const line = { ...sample('boundary'), x: 100, y: 100, w: -200, h: 0 };
    expect(itemBounds(line)).toEqual({ x: -100, y: 100, w: 200, h: 0 });
    expect(hitTest(line, { x: 0, y: 104 }, 5)).toBe(true);
    expect(hitTest(line, { x: 0, y: 120 }, 5)).toBe(false);
    const box = sample('note');
    expect(itemBounds(box)).toEqual({ x: box.x, y: box.y, w: box.w, h: box.h });
  });

  it('only line-shaped kinds skip text editing in place; only background kinds are backgrounds', () => {
    for (const kind of ITEM_KINDS) {
      const { traits } = KINDS[kind];
      if (traits.shape === 'line') expect(traits.editsTextInPlace).toBe(false);
      if (traits.isBackground) expect(traits.linkEnds).toEqual([]);
    }
  });
});

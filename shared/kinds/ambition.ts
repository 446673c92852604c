/** Ambition: the provoking destination that still leaves room (DOMAIN.md). Every path ends here. */
import { z } from 'zod';
import { label } from '../i18n';
import { AMBITION, CARD } from '../render/theme';
import { baseItemShape, wireString, type KindDefaults } from './base';
import { defineKind } from './define';
import { bodyText, caption, cardShape } from './drawParts';

/** Zod schema of an ambition in plain form. */
export const ambitionSchema = z.object({
  ...baseItemShape,
  kind: z.literal('ambition'),
  /** When the ambition should hold ("2050", "one generation"): free text, workshops say both. */
  horizon: wireString().max(100).optional(),
});

/** An ambition as the read model holds it. */
export type Ambition = z.infer<typeof ambitionSchema>;

/** Ambitions are the largest cards: they are the destinations people look for first. */
export const ambitionDefaults: KindDefaults = { w: 320, h: 160 };

/** The ambition kind: a deep blue destination card with a target mark, its horizon in its caption. */
export const ambitionKind = defineKind({
  kind: 'ambition',
  schema: ambitionSchema,
  defaults: ambitionDefaults,
  traits: { shape: 'box', isBackground: false, editsTextInPlace: true, height: 'grows', linkEnds: ['to'] },
  text: {
    left: CARD.padding,
    top: 36,
    fontSize: 18,
    weight: 'bold',
    bottom: 16,
    lineHeight: 1.3,
    wrap: 'words',
  },
  // The report's own sections list ambitions with what feeds them (report.ts).
  report: null,
  draw(item, layout, { language, detail }) {
    const shapes = [cardShape(item.w, layout.height, AMBITION.fill, AMBITION.fill, 14)];
    if (detail === 'low') return shapes;
    const kind = label(language, 'kind.ambition');
    const cx = item.w - CARD.padding - 9;
    return [
      ...shapes,
      { type: 'circle', x: cx, y: 18, r: 9, stroke: AMBITION.accent, strokeWidth: 2 },
      { type: 'circle', x: cx, y: 18, r: 4, fill: AMBITION.accent },
      caption(item.horizon ? `${kind} · ${item.horizon}` : kind, AMBITION.accent, CARD.padding, 14),
      bodyText(layout, AMBITION.text),
    ];
  },
});

/** Intervention: something a party does (or should not do) to propel small wins through one mechanism. */
import { z } from 'zod';
import { mechanismSchema } from '../mechanisms';
import { label } from '../i18n';
import type { Primitive } from '../render/primitives';
import { reportWord } from '../render/reportStrings';
import { ADVICE_COLOURS, CARD, INK, MECHANISM_BADGES } from '../render/theme';
import { baseItemShape, type KindDefaults } from './base';
import { defineKind } from './define';
import { bodyText, caption, cardShape, centredLabel } from './drawParts';

/** The deck lists do's and don'ts per mechanism; a don't is a counterproductive intervention. */
export const INTERVENTION_ADVICE = ['do', 'dont'] as const;

/** Whether an intervention is recommended or counterproductive. */
export type InterventionAdvice = (typeof INTERVENTION_ADVICE)[number];

/** Zod schema of an intervention in plain form. */
export const interventionSchema = z.object({
  ...baseItemShape,
  kind: z.literal('intervention'),
  /** The propelling mechanism it works on; feeds mechanism coverage per ambition. */
  mechanism: mechanismSchema.default('energizing'),
  /** `dont` marks an intervention the group wants to avoid, so it is shown but never counted. */
  advice: z.enum(INTERVENTION_ADVICE).default('do'),
});

/** An intervention as the read model holds it. */
export type Intervention = z.infer<typeof interventionSchema>;

/** Interventions sit next to the win they propel. */
export const interventionDefaults: KindDefaults = { w: 220, h: 100 };

/** The intervention kind: a card tagged DO (green) or DON'T (red, dashed and struck through), naming its mechanism. */
export const interventionKind = defineKind({
  kind: 'intervention',
  schema: interventionSchema,
  defaults: interventionDefaults,
  traits: { shape: 'box', isBackground: false, editsTextInPlace: true, height: 'grows', linkEnds: ['from'] },
  text: {
    left: CARD.padding,
    top: 34,
    fontSize: 14,
    weight: 'normal',
    bottom: 14,
    lineHeight: 1.3,
    wrap: 'words',
  },
  report: {
    heading: 'section.intervention',
    line(intervention, { board, language, name }) {
      const wins = board.links
        .filter((link) => link.kind === 'propels' && link.from === intervention.id)
        .map((link) => name(link.to));
      const parts = [
        name(intervention.id),
        label(language, `mechanism.${intervention.mechanism}`),
        label(language, `advice.${intervention.advice}`),
      ];
      if (wins.length > 0) parts.push(`${reportWord(language, 'propels')}: ${wins.join('; ')}`);
      return parts.join(' — ');
    },
  },
  draw(item, layout, { language, detail }) {
    const h = layout.height;
    const colour = ADVICE_COLOURS[item.advice];
    const dont = item.advice === 'dont';
    const shapes = [cardShape(item.w, h, '#fbfbf9', colour, CARD.radius, dont ? [8, 4] : undefined)];
    if (detail === 'low') return shapes;
    const tag = label(language, `advice.${item.advice}`).toUpperCase();
    const tagWidth = tag.length * 8 + 14;
    const tagX = item.w - CARD.padding - tagWidth;
    const drawing: Primitive[] = [
      ...shapes,
      { type: 'rect', x: tagX, y: 9, w: tagWidth, h: 18, radius: 9, fill: colour },
      centredLabel(tag, tagX + tagWidth / 2, 18, 11, '#ffffff'),
      caption(label(language, `mechanism.${item.mechanism}`), MECHANISM_BADGES[item.mechanism].colour),
      bodyText(layout, INK),
    ];
    if (dont)
      drawing.push({
        type: 'line',
        points: [CARD.padding, h - 10, item.w - CARD.padding, h - 10],
        stroke: colour,
        strokeWidth: 2,
      });
    return drawing;
  },
});

/** Small win: a small, meaningful step with tangible results on the way to an ambition (DOMAIN.md). */
import { z } from 'zod';
import { mechanismSchema } from '../mechanisms';
import { label } from '../i18n';
import type { Primitive } from '../render/primitives';
import { CARD, INK, STATUS_COLOURS } from '../render/theme';
import { baseItemShape, type KindDefaults } from './base';
import { defineKind } from './define';
import { bodyText, caption, cardShape, mechanismBadges } from './drawParts';

/** Where a small win stands; drives its colour on the canvas and its section in the report. */
export const SMALL_WIN_STATUSES = ['idea', 'underway', 'realised', 'stalled'] as const;

/** One of the small win statuses. */
export type SmallWinStatus = (typeof SMALL_WIN_STATUSES)[number];

/** Zod schema of a small win in plain form. */
export const smallWinSchema = z.object({
  ...baseItemShape,
  kind: z.literal('smallWin'),
  /** A harvest lists realised wins; planning works on ideas; stalled ones need an intervention. */
  status: z.enum(SMALL_WIN_STATUSES).default('idea'),
  /** Mechanisms this win activates: the mechanism grid and eternal-pilot warnings read them. */
  mechanisms: z.array(mechanismSchema).max(6).default([]),
});

/** A small win as the read model holds it. */
export type SmallWin = z.infer<typeof smallWinSchema>;

/** The workhorse card: wide enough for one sentence at 100 % zoom. */
export const smallWinDefaults: KindDefaults = { w: 260, h: 120 };

/** The small win kind: a white card with a status bar and caption in the status colour, mechanisms as badges. */
export const smallWinKind = defineKind({
  kind: 'smallWin',
  schema: smallWinSchema,
  defaults: smallWinDefaults,
  traits: {
    shape: 'box',
    isBackground: false,
    editsTextInPlace: true,
    height: 'grows',
    linkEnds: ['from', 'to'],
  },
  text: {
    left: CARD.padding,
    top: 32,
    fontSize: 15,
    weight: 'normal',
    bottom: 36,
    lineHeight: 1.3,
    wrap: 'words',
  },
  // The report lists small wins by status with their mechanisms (report.ts).
  report: null,
  draw(item, layout, { language, detail }) {
    const h = layout.height;
    const colour = STATUS_COLOURS[item.status];
    const shapes: Primitive[] = [
      cardShape(item.w, h, CARD.fill, colour),
      // The status bar: the card's left edge, rounded on the outside only.
      { type: 'rect', x: 0, y: 0, w: 8, h, radius: [CARD.radius, 0, 0, CARD.radius], fill: colour },
    ];
    if (detail === 'low') return shapes;
    return [
      ...shapes,
      caption(`${label(language, 'kind.smallWin')} · ${label(language, `status.${item.status}`)}`, colour),
      bodyText(layout, INK),
      ...mechanismBadges(item.mechanisms, h - 18),
    ];
  },
});

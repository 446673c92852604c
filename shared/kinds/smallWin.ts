/** Small win: a small, meaningful step with tangible results on the way to an ambition (DOMAIN.md). */
import { z } from 'zod';
import { mechanismSchema } from '../mechanisms';
import { baseItemShape, type KindDefaults } from './base';

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

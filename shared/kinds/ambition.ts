/** Ambition: the provoking destination that still leaves room (DOMAIN.md). Every path ends here. */
import { z } from 'zod';
import { baseItemShape, wireString, type KindDefaults } from './base';

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

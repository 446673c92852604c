/** Note: free text for questions, quotes and parking-lot items; part of no analysis. */
import { z } from 'zod';
import { baseItemShape, type KindDefaults } from './base';

/** Zod schema of a note in plain form. */
export const noteSchema = z.object({
  ...baseItemShape,
  kind: z.literal('note'),
});

/** A note as the read model holds it. */
export type Note = z.infer<typeof noteSchema>;

/** Sticky-note size, the shape everyone already knows. */
export const noteDefaults: KindDefaults = { w: 200, h: 160 };

/** Frame: a titled area, an island of agreement or a cluster; its `text` is its title. */
import { z } from 'zod';
import { baseItemShape, type KindDefaults } from './base';

/** Zod schema of a frame in plain form. */
export const frameSchema = z.object({
  ...baseItemShape,
  kind: z.literal('frame'),
});

/** A frame as the read model holds it. */
export type Frame = z.infer<typeof frameSchema>;

/** Large enough to hold a handful of cards. */
export const frameDefaults: KindDefaults = { w: 600, h: 400 };

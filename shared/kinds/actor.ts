/** Actor: a person or organisation involved in small wins, placed to map who talks to whom. */
import { z } from 'zod';
import { baseItemShape, type KindDefaults } from './base';

/** Sphere an actor belongs to (deck: publiek, privaat, maatschappelijk); boundary work reads it. */
export const ACTOR_SPHERES = ['public', 'private', 'societal'] as const;

/** One of the actor spheres. */
export type ActorSphere = (typeof ACTOR_SPHERES)[number];

/** Zod schema of an actor in plain form. */
export const actorSchema = z.object({
  ...baseItemShape,
  kind: z.literal('actor'),
  /** Crossing from public to private or societal is itself a boundary worth seeing. */
  sphere: z.enum(ACTOR_SPHERES).default('public'),
});

/** An actor as the read model holds it. */
export type Actor = z.infer<typeof actorSchema>;

/** Actors are small tokens: many of them share a board. */
export const actorDefaults: KindDefaults = { w: 180, h: 80 };

/**
 * The six propelling mechanisms (aanjaagmechanismen) of the small wins approach, DOMAIN.md.
 * Small wins list the ones they activate; an intervention targets one.
 */
import { z } from 'zod';

/** Mechanism ids in the deck's order, which is also the order of the mechanism grid. */
export const MECHANISMS = [
  'energizing',
  'experimenting',
  'attraction',
  'bandwagon',
  'connecting',
  'robustness',
] as const;

/** One of the six mechanism ids. */
export type Mechanism = (typeof MECHANISMS)[number];

/** Zod schema of a mechanism id. */
export const mechanismSchema = z.enum(MECHANISMS);

/** True when the value is one of the six mechanism ids. */
export function isMechanism(value: unknown): value is Mechanism {
  return typeof value === 'string' && (MECHANISMS as readonly string[]).includes(value);
}

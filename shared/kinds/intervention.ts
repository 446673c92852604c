/** Intervention: something a party does (or should not do) to propel small wins through one mechanism. */
import { z } from 'zod';
import { mechanismSchema } from '../mechanisms';
import { baseItemShape, type KindDefaults } from './base';

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

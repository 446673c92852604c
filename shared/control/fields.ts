/**
 * The fields of a board's control document (DESIGN.md contract 3), one zod schema each. The
 * control document is written only by the facilitator (the server drops anyone else's writes),
 * but a facilitator's client may be old, buggy or someone else's program, so every field is
 * validated on read like board content is, and every bound here is what a writer must respect.
 */
import { z } from 'zod';
import { ITEM_KINDS } from '../itemKinds';
import { MAX_ID_LENGTH, wireString } from '../kinds/base';

/** Name of the control document's root map. */
export const CONTROL_ROOT = 'control';

/** Workshop templates (DOMAIN.md's three workshops, and an empty board). */
export const TEMPLATES = ['blank', 'harvest', 'propel', 'boundaries'] as const;

/** One workshop template. */
export type Template = (typeof TEMPLATES)[number];

/** Most phases a workshop has: DOMAIN.md's longest has six; more is a bug or a hostile writer. */
export const MAX_PHASES = 24;
/** Longest phase title. */
export const MAX_PHASE_TITLE = 120;
/** Longest phase prompt: a question or two, shown to everyone in the phase bar. */
export const MAX_PHASE_PROMPT = 600;
/** Longest phase: a whole day. */
export const MAX_PHASE_MINUTES = 24 * 60;
/** Longest timer a facilitator can set: a whole day, in ms. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
/** Largest dot budget per person in one vote. */
export const MAX_VOTE_BUDGET = 100;
/** Longest follow name (the same bound as presence names). */
export const MAX_FOLLOW_NAME = 40;

/** Server epoch ms: positive and below the year 2286, so NaN and overflow never pass. */
const epochMs = z.number().min(0).max(10_000_000_000_000);
const shortId = wireString().min(1).max(MAX_ID_LENGTH);

/** `locked`: participants are read-only on the content document. */
export const lockedSchema = z.boolean();

/** `template`: the workshop this board was created from. */
export const templateSchema = z.enum(TEMPLATES);

/** One phase: what the group does now, shown to everyone, with a suggested duration. */
export const phaseSchema = z
  .object({
    id: shortId,
    title: wireString().min(1).max(MAX_PHASE_TITLE),
    prompt: wireString().max(MAX_PHASE_PROMPT),
    minutes: z.number().positive().max(MAX_PHASE_MINUTES),
  })
  .strip();

/** One phase of a workshop. */
export type Phase = z.infer<typeof phaseSchema>;

/** `phases`: the workshop's phases in order, in the board language. */
export const phasesSchema = z.array(phaseSchema).max(MAX_PHASES);

/** `phase`: the id of the current phase, or null. */
export const phaseIdSchema = shortId.nullable();

/**
 * `timer`: while running, `endsAt` is the server's epoch ms at which it ends (so every screen,
 * whatever its own clock, agrees once it knows the server's time); while paused, `remainingMs`.
 */
export const timerSchema = z.union([
  z.object({ running: z.literal(true), endsAt: epochMs, remainingMs: z.null().optional() }).strip(),
  z
    .object({
      running: z.literal(false),
      endsAt: z.null().optional(),
      remainingMs: z.number().min(0).max(MAX_TIMER_MS),
    })
    .strip(),
]);

/** The workshop timer. */
export type Timer = z.infer<typeof timerSchema>;

/** `voting`: one dot vote at a time, on items of one kind; ballots stay secret until revealed. */
export const votingSchema = z
  .object({
    id: shortId,
    open: z.boolean(),
    budget: z.number().int().min(1).max(MAX_VOTE_BUDGET),
    kind: z.enum(ITEM_KINDS),
    revealed: z.boolean(),
  })
  .strip();

/** The current vote. */
export type Voting = z.infer<typeof votingSchema>;

/** `follow`: everyone's viewport follows this person until they move themselves. */
export const followSchema = z
  .object({
    userId: shortId,
    name: wireString().max(MAX_FOLLOW_NAME),
  })
  .strip();

/** Who everyone follows. */
export type Follow = z.infer<typeof followSchema>;

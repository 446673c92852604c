/**
 * readControl: the control document turned into a validated read model. Tolerant like
 * readBoard: a field that fails its schema reads as its default and is listed in `problems`,
 * so a malformed timer never stops a phase bar from showing and nothing here ever throws.
 *
 *   const control = readControl(controlDoc);
 *   control.locked;        // false unless the facilitator locked the board
 *   control.currentPhase;  // the phase object, or null
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  CONTROL_ROOT,
  followSchema,
  lockedSchema,
  MAX_PHASES,
  phaseIdSchema,
  phasesSchema,
  templateSchema,
  timerSchema,
  votingSchema,
  type Follow,
  type Phase,
  type Template,
  type Timer,
  type Voting,
} from './fields';

/** A field that could not be read as written, and why. */
export interface ControlProblem {
  readonly field: string;
  readonly reason: string;
}

/** The validated facilitation state every client and the server read. */
export interface ControlReadModel {
  readonly locked: boolean;
  readonly template: Template | null;
  readonly phases: readonly Phase[];
  /** The current phase's id; null when it names no phase of `phases`. */
  readonly phase: string | null;
  /** The current phase, or null. */
  readonly currentPhase: Phase | null;
  readonly timer: Timer | null;
  readonly voting: Voting | null;
  readonly follow: Follow | null;
  /** Ids of items participants cannot change. */
  readonly lockedItems: ReadonlySet<string>;
  readonly problems: readonly ControlProblem[];
}

/** The control document's root map. */
export function getControl(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOT);
}

/** Reads and validates the whole control document; never throws. */
export function readControl(doc: Y.Doc): ControlReadModel {
  const control = getControl(doc);
  const problems: ControlProblem[] = [];
  const field = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const raw = control.get(name);
    if (raw === undefined) return fallback;
    if (raw instanceof Y.AbstractType) {
      problems.push({ field: name, reason: 'a shared type where a plain value belongs' });
      return fallback;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push({ field: name, reason: parsed.error.issues[0]?.message ?? 'invalid' });
    return fallback;
  };
  const phases = readPhases(control.get('phases'), problems);
  let phase = field('phase', phaseIdSchema, null);
  const currentPhase = phases.find((p) => p.id === phase) ?? null;
  if (phase !== null && !currentPhase) {
    problems.push({ field: 'phase', reason: `no phase has the id "${phase.slice(0, 80)}"` });
    phase = null;
  }
  return {
    locked: field('locked', lockedSchema, false),
    template: field<Template | null>('template', templateSchema, null),
    phases,
    phase,
    currentPhase,
    timer: field<Timer | null>('timer', timerSchema, null),
    voting: field<Voting | null>('voting', votingSchema, null),
    follow: field<Follow | null>('follow', followSchema, null),
    lockedItems: readLockedItems(control.get('lockedItems'), problems),
    problems,
  };
}

/** The phases, keeping the valid ones when some are not, and only the first of a repeated id. */
function readPhases(raw: unknown, problems: ControlProblem[]): Phase[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: 'phases', reason: 'not an array' });
    return [];
  }
  if (raw.length > MAX_PHASES) {
    problems.push({ field: 'phases', reason: `${raw.length} phases; only the first ${MAX_PHASES} are read` });
  }
  const seen = new Set<string>();
  const phases: Phase[] = [];
  for (const [i, entry] of raw.slice(0, MAX_PHASES).entries()) {
    const parsed = phasesSchema.element.safeParse(entry);
    if (!parsed.success) {
      problems.push({ field: `phases.${i}`, reason: parsed.error.issues[0]?.message ?? 'invalid' });
    } else if (seen.has(parsed.data.id)) {
      problems.push({ field: `phases.${i}`, reason: 'repeats an earlier phase id' });
    } else {
      seen.add(parsed.data.id);
      phases.push(parsed.data);
    }
  }
  return phases;
}

/** The ids set to `true` in the `lockedItems` map. */
function readLockedItems(raw: unknown, problems: ControlProblem[]): ReadonlySet<string> {
  const ids = new Set<string>();
  if (raw === undefined) return ids;
  if (!(raw instanceof Y.Map)) {
    problems.push({ field: 'lockedItems', reason: 'not a map' });
    return ids;
  }
  for (const [id, value] of (raw as Y.Map<unknown>).entries()) if (value === true) ids.add(id);
  return ids;
}

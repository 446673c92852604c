/**
 * Facilitation commands: the only way the app writes the control document. Like the board's
 * commands, each validates its input against the contract 3 schemas, writes in one
 * transaction tagged with the caller's origin, and throws a CommandError instead of writing
 * anything the tolerant reader would have to discard.
 *
 *   startWorkshop(doc, { template: 'harvest', phases }, me);
 *   stepPhase(doc, 1, me);                       // the next phase
 *   startTimer(doc, 10 * 60_000, serverNow, me); // 10:00, from the server's clock
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { uuidv4 } from 'lib0/random';
import { CommandError, LOCAL_ORIGIN } from '../commands';
import type { ItemKind } from '../itemKinds';
import {
  followSchema,
  MAX_TIMER_MS,
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
import { getControl, readControl } from './readControl';
import { timeLeftMs } from './timer';

/** Locks or unlocks the board for participants. */
export function setLocked(doc: Y.Doc, locked: boolean, origin: unknown = LOCAL_ORIGIN): void {
  if (typeof locked !== 'boolean') throw new CommandError('locked must be true or false');
  doc.transact(() => getControl(doc).set('locked', locked), origin);
}

/** Sets the workshop's template and phases and moves to the first phase. */
export function startWorkshop(
  doc: Y.Doc,
  input: { template: Template; phases: readonly Phase[] },
  origin: unknown = LOCAL_ORIGIN,
): void {
  const template = parse(templateSchema, input.template, 'template');
  const phases = parse(phasesSchema, input.phases, 'phases');
  if (new Set(phases.map((p) => p.id)).size !== phases.length)
    throw new CommandError('phase ids must be unique');
  doc.transact(() => {
    const control = getControl(doc);
    control.set('template', template);
    control.set(
      'phases',
      phases.map((p) => ({ ...p })),
    );
    control.set('phase', phases[0]?.id ?? null);
  }, origin);
}

/** Makes `phaseId` the current phase. */
export function goToPhase(doc: Y.Doc, phaseId: string, origin: unknown = LOCAL_ORIGIN): void {
  const { phases } = readControl(doc);
  if (!phases.some((p) => p.id === phaseId))
    throw new CommandError(`no phase has the id "${String(phaseId).slice(0, 80)}"`);
  doc.transact(() => getControl(doc).set('phase', phaseId), origin);
}

/**
 * Moves `step` phases forward (1) or back (-1), stopping at the first and last; returns the
 * new current phase. With no current phase, forward starts at the first.
 */
export function stepPhase(doc: Y.Doc, step: 1 | -1, origin: unknown = LOCAL_ORIGIN): Phase {
  const { phases, phase } = readControl(doc);
  if (phases.length === 0) throw new CommandError('this board has no phases');
  const at = phases.findIndex((p) => p.id === phase);
  const next = phases[at < 0 ? 0 : Math.min(phases.length - 1, Math.max(0, at + step))]!;
  if (next.id !== phase) doc.transact(() => getControl(doc).set('phase', next.id), origin);
  return next;
}

/** Starts the timer for `durationMs` from the server's now. */
export function startTimer(
  doc: Y.Doc,
  durationMs: number,
  serverNow: number,
  origin: unknown = LOCAL_ORIGIN,
): void {
  const duration = checkDuration(durationMs);
  writeTimer(doc, { running: true, endsAt: checkNow(serverNow) + duration, remainingMs: null }, origin);
}

/** Pauses a running timer, keeping the time left. */
export function pauseTimer(doc: Y.Doc, serverNow: number, origin: unknown = LOCAL_ORIGIN): void {
  const { timer } = readControl(doc);
  if (!timer?.running) throw new CommandError('the timer is not running');
  const left = timeLeftMs(timer, checkNow(serverNow)) ?? 0;
  writeTimer(doc, { running: false, endsAt: null, remainingMs: left }, origin);
}

/** Runs a paused timer on from where it stopped. */
export function resumeTimer(doc: Y.Doc, serverNow: number, origin: unknown = LOCAL_ORIGIN): void {
  const { timer } = readControl(doc);
  if (!timer || timer.running) throw new CommandError('the timer is not paused');
  writeTimer(
    doc,
    { running: true, endsAt: checkNow(serverNow) + timer.remainingMs, remainingMs: null },
    origin,
  );
}

/**
 * Adds `ms` (a minute, usually) to the timer, running or paused; a running timer that had
 * already run out restarts from now, so "+1 minute" after the chime gives a full minute.
 */
export function addTime(doc: Y.Doc, ms: number, serverNow: number, origin: unknown = LOCAL_ORIGIN): void {
  const extra = checkDuration(ms);
  const now = checkNow(serverNow);
  const { timer } = readControl(doc);
  if (!timer) throw new CommandError('there is no timer to add time to');
  const left = Math.min(MAX_TIMER_MS, (timeLeftMs(timer, now) ?? 0) + extra);
  writeTimer(
    doc,
    timer.running
      ? { running: true, endsAt: now + left, remainingMs: null }
      : { running: false, endsAt: null, remainingMs: left },
    origin,
  );
}

/** Sets a paused timer of `durationMs` (the phase's minutes, usually); null removes the timer. */
export function resetTimer(doc: Y.Doc, durationMs: number | null, origin: unknown = LOCAL_ORIGIN): void {
  if (durationMs === null) {
    doc.transact(() => getControl(doc).set('timer', null), origin);
    return;
  }
  writeTimer(doc, { running: false, endsAt: null, remainingMs: checkDuration(durationMs) }, origin);
}

/** Opens a new secret dot vote on items of `kind` with `budget` dots per person; returns its id. */
export function openVote(
  doc: Y.Doc,
  input: { budget: number; kind: ItemKind },
  origin: unknown = LOCAL_ORIGIN,
): string {
  const voting = parse(
    votingSchema,
    { id: uuidv4(), open: true, budget: input.budget, kind: input.kind, revealed: false },
    'vote',
  );
  doc.transact(() => getControl(doc).set('voting', voting), origin);
  return voting.id;
}

/** Closes the open vote: no more dots, still secret. */
export function closeVote(doc: Y.Doc, origin: unknown = LOCAL_ORIGIN): void {
  const voting = requireVote(doc);
  doc.transact(() => getControl(doc).set('voting', { ...voting, open: false }), origin);
}

/** Closes and reveals the vote: the server then writes every ballot into the board. */
export function revealVote(doc: Y.Doc, origin: unknown = LOCAL_ORIGIN): void {
  const voting = requireVote(doc);
  doc.transact(() => getControl(doc).set('voting', { ...voting, open: false, revealed: true }), origin);
}

/** Ends the vote altogether (its revealed result stays on the board). */
export function clearVote(doc: Y.Doc, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => getControl(doc).set('voting', null), origin);
}

/** Makes everyone follow `follow`'s viewport; null stops following. */
export function setFollow(doc: Y.Doc, follow: Follow | null, origin: unknown = LOCAL_ORIGIN): void {
  const value = follow === null ? null : parse(followSchema, follow, 'follow');
  doc.transact(() => getControl(doc).set('follow', value), origin);
}

/** Locks (or unlocks) items for participants: the server drops their changes to them. */
export function setItemsLocked(
  doc: Y.Doc,
  itemIds: readonly string[],
  locked: boolean,
  origin: unknown = LOCAL_ORIGIN,
): void {
  if (!Array.isArray(itemIds) || itemIds.some((id) => typeof id !== 'string' || id.length === 0))
    throw new CommandError('item ids must be non-empty strings');
  doc.transact(() => {
    const control = getControl(doc);
    let map = control.get('lockedItems');
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      control.set('lockedItems', map);
    }
    const entries = map as Y.Map<unknown>;
    for (const id of itemIds) {
      if (locked) entries.set(id, true);
      else entries.delete(id);
    }
  }, origin);
}

function writeTimer(doc: Y.Doc, timer: Timer, origin: unknown): void {
  const value = parse(timerSchema, timer, 'timer');
  // All three keys, always: other programs read the contract's shape, not ours.
  const plain = {
    running: value.running,
    endsAt: value.running ? value.endsAt : null,
    remainingMs: value.running ? null : value.remainingMs,
  };
  doc.transact(() => getControl(doc).set('timer', plain), origin);
}

function requireVote(doc: Y.Doc): Voting {
  const { voting } = readControl(doc);
  if (!voting) throw new CommandError('there is no vote');
  return voting;
}

function checkDuration(ms: number): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMER_MS)
    throw new CommandError(`a duration must be more than 0 and at most ${MAX_TIMER_MS} ms`);
  return Math.round(ms);
}

function checkNow(serverNow: number): number {
  if (typeof serverNow !== 'number' || !Number.isFinite(serverNow) || serverNow < 0)
    throw new CommandError('the server time must be a finite epoch in ms');
  return Math.round(serverNow);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CommandError(`invalid ${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

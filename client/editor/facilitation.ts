/**
 * The facilitation module: what the phase bar, the timer and the vote panel call. It keeps the
 * control document's read model live, estimates the server's clock (so a tablet whose clock is
 * minutes off shows the same timer as everyone), runs the facilitator's commands with the
 * server's now, and carries a participant's secret ballot over HTTP (ballots never travel
 * through a shared document). No React, no Konva.
 *
 *   const f = createFacilitation({ boardId, token, userId, controlDoc });
 *   const stop = f.start();  // follows the control document, measures the clock
 *   f.startTimer();          // the current phase's minutes
 *   await f.addDot(itemId);  // false and `refusal: 'budget'` past the budget
 */
import type * as Y from 'yjs';
import { CommandError } from '../../shared/commands';
import * as control from '../../shared/control/commands';
import { readControl, type ControlReadModel } from '../../shared/control/readControl';
import { timeLeftMs } from '../../shared/control/timer';
import type { ItemKind } from '../../shared/itemKinds';
import { createStore } from './store';

/** A person's dots in the open vote, as the server counts them. */
export interface Ballot {
  readonly mine: Readonly<Record<string, number>>;
  readonly left: number;
  /** Dots per item; only the facilitator gets these before reveal. */
  readonly totals?: Readonly<Record<string, number>>;
}

/** Why the server refused a dot (the UI words it in the current language). */
export type VoteRefusal = 'budget' | 'closed' | 'item' | 'forbidden' | 'failed';

/** Everything the facilitation UI renders. */
export interface FacilitationSnapshot {
  readonly control: ControlReadModel;
  /** Server clock minus this device's clock, in ms. */
  readonly clockOffset: number;
  /** Whether `clockOffset` has been measured (until then the device's clock is used). */
  readonly clockKnown: boolean;
  /** This person's ballot in the current vote, or null before it is known. */
  readonly ballot: Ballot | null;
  /** Why the last dot was refused, or null. */
  readonly refusal: VoteRefusal | null;
  /** Why the last facilitator command was refused (a CommandError's message), or null. */
  readonly error: string | null;
}

/** Options for createFacilitation. */
export interface FacilitationOptions {
  boardId: string;
  token: string;
  /** The id this device votes as (deviceUserId()). */
  userId: string;
  controlDoc: Y.Doc;
  /** Origin of this client's control writes. */
  origin?: unknown;
  fetch?: typeof globalThis.fetch;
  /** This device's clock. */
  now?: () => number;
  /** How often the clock offset is measured again; 0 measures only when asked. */
  resyncMs?: number;
}

/** Samples per clock measurement: the one with the shortest round trip wins. */
const CLOCK_SAMPLES = 3;
/** Re-measuring every few minutes follows a device clock that jumps (sleep, NTP). */
const RESYNC_MS = 3 * 60_000;
const MINUTE = 60_000;
/** Asking again for a ballot the server answered before it saw the vote. */
const BALLOT_RETRIES = 5;
const BALLOT_RETRY_MS = 200;

/** Creates the facilitation module over a board's control document. */
export function createFacilitation(options: FacilitationOptions) {
  const { boardId, token, userId, controlDoc } = options;
  const origin = options.origin ?? { facilitation: userId };
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const now = options.now ?? (() => Date.now());
  const store = createStore<FacilitationSnapshot>({
    control: readControl(controlDoc),
    clockOffset: 0,
    clockKnown: false,
    ballot: null,
    refusal: null,
    error: null,
  });
  const update = (patch: Partial<FacilitationSnapshot>) => store.set({ ...store.get(), ...patch });
  const base = `/api/boards/${encodeURIComponent(boardId)}`;
  const auth = { Authorization: `Bearer ${token}` };
  // Answers that arrive after stop() change nothing.
  let active = false;

  // A new vote (or one that opened, closed or was revealed) changes what this person may do.
  let voteKey = '';
  const onControl = () => {
    const next = readControl(controlDoc);
    update({ control: next });
    const v = next.voting;
    const key = v ? `${v.id}:${v.open}:${v.revealed}` : '';
    if (key !== voteKey) {
      voteKey = key;
      if (v) void refreshBallot();
      else update({ ballot: null, refusal: null });
    }
  };
  let resync: ReturnType<typeof setInterval> | null = null;

  /** Our estimate of the server's epoch ms now. */
  function serverNow(): number {
    return now() + store.get().clockOffset;
  }

  /** Measures the server clock's offset, assuming the answer left halfway through the round trip. */
  async function syncClock(): Promise<boolean> {
    let best: { rtt: number; offset: number } | null = null;
    for (let i = 0; i < CLOCK_SAMPLES; i++) {
      const sent = now();
      let serverTime: unknown;
      try {
        const response = await fetchFn('/api/time', { cache: 'no-store' });
        if (!response.ok) continue;
        serverTime = ((await response.json()) as { now?: unknown }).now;
      } catch {
        continue;
      }
      const received = now();
      if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) continue;
      const rtt = received - sent;
      const sample = { rtt, offset: serverTime + rtt / 2 - received };
      if (!best || sample.rtt < best.rtt) best = sample;
    }
    if (!best || !active) return false;
    update({ clockOffset: Math.round(best.offset), clockKnown: true });
    return true;
  }

  /** Runs a control command; a refusal becomes `error` instead of an exception. */
  function run(command: () => void): boolean {
    try {
      command();
      update({ error: null });
      return true;
    } catch (error) {
      if (error instanceof CommandError) {
        update({ error: error.message });
        return false;
      }
      throw error;
    }
  }

  const phaseMs = () => (store.get().control.currentPhase?.minutes ?? 0) * MINUTE;

  async function ballotRequest(init?: RequestInit): Promise<Ballot | VoteRefusal> {
    const query = `?userId=${encodeURIComponent(userId)}`;
    let response: Response;
    try {
      response = await fetchFn(`${base}/votes${init ? '' : query}`, {
        ...init,
        headers: { ...auth, ...(init ? { 'Content-Type': 'application/json' } : {}) },
      });
    } catch {
      return 'failed';
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.status === 403) return 'forbidden';
    if (!response.ok || !body) {
      const reason = body?.error;
      return reason === 'budget' || reason === 'closed' || reason === 'item' ? reason : 'failed';
    }
    return readBallot(body);
  }

  /** Asks the server for this person's dots in the current vote. */
  async function refreshBallot(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const answer = await ballotRequest();
      if (!active || typeof answer === 'string') return;
      // No dots left with none placed cannot be an open vote (budgets start at 1): the server
      // has not seen the vote yet, which happens to the facilitator who just opened it.
      const unseen = store.get().control.voting?.open && answer.left === 0 && !hasDots(answer);
      if (!unseen || attempt >= BALLOT_RETRIES) {
        update({ ballot: answer });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, BALLOT_RETRY_MS * attempt));
    }
  }

  /** Sets this person's dots on an item; false (with `refusal`) when the server says no. */
  async function setDots(itemId: string, dots: number): Promise<boolean> {
    const answer = await ballotRequest({
      method: 'POST',
      body: JSON.stringify({ userId, itemId, dots: Math.max(0, Math.round(dots)) }),
    });
    if (!active) return false;
    if (typeof answer === 'string') {
      update({ refusal: answer });
      return false;
    }
    update({ ballot: { ...store.get().ballot, ...answer }, refusal: null });
    return true;
  }

  function stop(): void {
    if (!active) return;
    active = false;
    if (resync) clearInterval(resync);
    resync = null;
    controlDoc.getMap('control').unobserveDeep(onControl);
  }

  const dotsOn = (itemId: string) => store.get().ballot?.mine[itemId] ?? 0;

  return {
    getSnapshot: store.get,
    subscribe: store.subscribe,
    serverNow,
    syncClock,
    /** Time left on the timer by the server's clock, or null without a timer. */
    timeLeftMs: () => timeLeftMs(store.get().control.timer, serverNow()),

    nextPhase: () => run(() => control.stepPhase(controlDoc, 1, origin)),
    previousPhase: () => run(() => control.stepPhase(controlDoc, -1, origin)),
    goToPhase: (phaseId: string) => run(() => control.goToPhase(controlDoc, phaseId, origin)),

    /** Starts the timer for `ms`, or for the current phase's minutes. */
    startTimer: (ms?: number) =>
      run(() => control.startTimer(controlDoc, ms ?? phaseMs(), serverNow(), origin)),
    pauseTimer: () => run(() => control.pauseTimer(controlDoc, serverNow(), origin)),
    resumeTimer: () => run(() => control.resumeTimer(controlDoc, serverNow(), origin)),
    addMinute: () => run(() => control.addTime(controlDoc, MINUTE, serverNow(), origin)),
    /** Back to the phase's minutes, paused (no timer when the phase has none). */
    resetTimer: () => run(() => control.resetTimer(controlDoc, phaseMs() > 0 ? phaseMs() : null, origin)),

    openVote: (budget: number, kind: ItemKind = 'smallWin') =>
      run(() => void control.openVote(controlDoc, { budget, kind }, origin)),
    closeVote: () => run(() => control.closeVote(controlDoc, origin)),
    revealVote: () => run(() => control.revealVote(controlDoc, origin)),
    clearVote: () => run(() => control.clearVote(controlDoc, origin)),

    refreshBallot,
    setDots,
    /** Dots this person has on an item in the current vote. */
    dotsOn,
    addDot: (itemId: string) => setDots(itemId, dotsOn(itemId) + 1),
    removeDot: (itemId: string) => setDots(itemId, dotsOn(itemId) - 1),
    clearRefusal: () => update({ refusal: null, error: null }),

    /**
     * Follows the control document, measures the clock now and every few minutes, and returns
     * the way to stop; starting again after a stop works (React runs effects twice in dev).
     */
    start(): () => void {
      if (!active) {
        active = true;
        controlDoc.getMap('control').observeDeep(onControl);
        voteKey = '';
        onControl();
        void syncClock();
        if (options.resyncMs !== 0)
          resync = setInterval(() => void syncClock(), options.resyncMs ?? RESYNC_MS);
      }
      return stop;
    },
    stop,
  };
}

/** The facilitation module's API. */
export type Facilitation = ReturnType<typeof createFacilitation>;

function hasDots(ballot: Ballot): boolean {
  return Object.keys(ballot.mine).length > 0;
}

/** A ballot answer, keeping only well-formed counts. */
function readBallot(body: Record<string, unknown>): Ballot {
  const counts = (raw: unknown): Record<string, number> => {
    const out: Record<string, number> = {};
    if (raw && typeof raw === 'object')
      for (const [id, n] of Object.entries(raw)) if (typeof n === 'number' && n > 0) out[id] = n;
    return out;
  };
  const left = typeof body.left === 'number' && Number.isFinite(body.left) ? Math.max(0, body.left) : 0;
  return body.totals === undefined
    ? { mine: counts(body.mine), left }
    : { mine: counts(body.mine), left, totals: counts(body.totals) };
}

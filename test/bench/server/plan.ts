/**
 * What the runner and the load generator tell each other over the child process's IPC
 * channel: the runner sends one plan, the generator asks for a server sample at each mark
 * (CPU and RSS are read from /proc by the runner, which knows the server's pid) and reports
 * one result per measured phase.
 */

/** One measured phase: edits at `rate` per client per second, or cursors at `hz`. */
export interface PhasePlan {
  readonly label: string;
  readonly kind: 'edits' | 'cursors';
  /** Edits per second per client, or cursor moves per second per client. */
  readonly rate: number;
}

/** Everything one load-generator process does. */
export interface LoadPlan {
  /** One entry per room: the websocket URL of each of its clients. */
  readonly rooms: readonly (readonly string[])[];
  readonly phases: readonly PhasePlan[];
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Longest wait after a phase for edits still on their way; what is missing then is lost. */
  readonly drainMs: number;
  /** Connect one client per room first and mark `idle-first`, then the rest and mark `idle-all`. */
  readonly idleMemory: boolean;
}

/** What was measured in one phase, on the load generator's side. */
export interface PhaseResult {
  readonly label: string;
  readonly kind: 'edits' | 'cursors';
  /** Delivery latency percentiles in ms (edits: send to every other client; cursors: likewise). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly samples: number;
  /** Edits sent in the measured window. */
  readonly edits: number;
  /** Of those, edits some other client in the room never received by the end of the drain. */
  readonly lostEdits: number;
  /** Deliveries missing (edit × receiver) at the end of the drain. */
  readonly missedDeliveries: number;
  /** Frames of the phase's kind (updates or awareness) received per client per second. */
  readonly framesPerClientPerS: number;
  /** The load generator's own CPU in the window (100 = one core): near 100 means it, not the server, limits. */
  readonly loadCpu: number;
  /** Sockets closed by the server, and permission-denied messages, during the whole run. */
  readonly closed: number;
  readonly denied: number;
  readonly drainMs: number;
}

/** Runner → generator. */
export type ToLoad = { readonly type: 'plan'; readonly plan: LoadPlan } | { readonly type: 'marked' };

/** Generator → runner. */
export type FromLoad =
  | { readonly type: 'mark'; readonly name: string }
  | { readonly type: 'result'; readonly result: PhaseResult }
  | { readonly type: 'log'; readonly message: string };

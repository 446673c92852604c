/**
 * What the load balancer asks: `/healthz` (the process answers: 200) and `/readyz` (this
 * instance can serve: storage answers within a bound, and every dependency added later —
 * Redis — too; 503 with a reason otherwise, and 503 from the moment shutdown starts so the
 * balancer stops sending new clients before the websockets close).
 */
import { log } from '../log';
import type { Storage } from '../storage/storage';

/** The answer of one readiness check. */
export type ReadyState = { readonly ready: true } | { readonly ready: false; readonly reason: string };

/** Readiness of this instance, for /readyz. */
export interface Readiness {
  /** Adds a dependency that must answer for the instance to be ready (e.g. Redis's PING). */
  add(name: string, check: () => Promise<unknown>): void;
  /** Marks the instance as shutting down: not ready from now on. */
  stop(): void;
  /** Runs every check, each bounded by the timeout. */
  check(): Promise<ReadyState>;
}

/** A board id no board has (ids are base64url), so the fallback probe reads nothing. */
const PROBE_ID = '.readyz';

/** Readiness with storage as its first dependency; `timeoutMs` bounds each check. */
export function createReadiness(storage: Storage, timeoutMs = 2_000): Readiness {
  // Storage without ping() (an adapter written before it existed) answers a cheap lookup instead.
  const checks = new Map<string, () => Promise<unknown>>([
    ['storage', () => (storage.ping ? storage.ping() : storage.getBoard(PROBE_ID))],
  ]);
  // Probes come every few seconds: a dependency's failure is logged when it starts, not each time.
  const failing = new Set<string>();
  let stopping = false;
  return {
    add: (name, check) => void checks.set(name, check),
    stop: () => void (stopping = true),
    async check() {
      if (stopping) return { ready: false, reason: 'shutting down' };
      const results = await Promise.all(
        [...checks].map(async ([name, check]) => {
          const failure = await bounded(check, timeoutMs);
          if (failure && !failing.has(name))
            log('warn', 'server.not_ready', { dependency: name, error: failure });
          if (!failure && failing.delete(name)) log('info', 'server.ready_again', { dependency: name });
          if (failure) failing.add(name);
          // The detail stays in the log: /readyz is public and errors may name hosts.
          return failure ? `${name} ${failure instanceof TimeoutError ? 'timed out' : 'unreachable'}` : null;
        }),
      );
      const failed = results.filter((r) => r !== null);
      return failed.length ? { ready: false, reason: failed.join(', ') } : { ready: true };
    },
  };
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** Null when `check` resolves within `ms`, else its error (or a TimeoutError). */
async function bounded(check: () => Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([check(), timeout]);
    return null;
  } catch (error) {
    return error ?? new Error('failed');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reading the workshop timer. `endsAt` is in the server's clock; a client passes its estimate
 * of the server's now (its own clock plus the offset it measured with `GET /api/time`), so a
 * tablet whose clock is minutes off still shows the same time left as everyone else.
 */
import type { Timer } from './fields';

/** Milliseconds left at `serverNow`: never negative; null without a timer. */
export function timeLeftMs(timer: Timer | null, serverNow: number): number | null {
  if (!timer) return null;
  if (!timer.running) return timer.remainingMs;
  return Math.max(0, timer.endsAt - serverNow);
}

/** Time left as `m:ss`, rounded up to whole seconds so 0:00 shows only once time is up. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A token bucket: `perSecond` sustained, bursts up to `burst`. */
export interface RateLimiter {
  /** Takes one token; false when the bucket is empty. */
  take(now?: number): boolean;
}

/** A full bucket refilling at `perSecond` tokens a second. */
export function createRateLimiter(perSecond: number, burst: number): RateLimiter {
  let tokens = burst;
  let last = performance.now();
  return {
    take(now = performance.now()) {
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

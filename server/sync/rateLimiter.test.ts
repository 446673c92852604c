import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rateLimiter';

describe('rate limiter', () => {
  it('allows a burst, then the sustained rate', () => {
    const limiter = createRateLimiter(10, 20);
    const start = performance.now();
    let allowed = 0;
    for (let i = 0; i < 30; i++) if (limiter.take(start)) allowed += 1;
    expect(allowed).toBe(20);
    expect(limiter.take(start + 50)).toBe(false);
    expect(limiter.take(start + 110)).toBe(true);
    expect(limiter.take(start + 110)).toBe(false);
    let later = 0;
    for (let i = 0; i < 30; i++) if (limiter.take(start + 10_000)) later += 1;
    expect(later).toBe(20);
  });
});

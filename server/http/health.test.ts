import { describe, expect, it } from 'vitest';

// Failing checks log a warning each; they are the point here.
process.env.LOG_LEVEL ??= 'error';
import { createMemoryStorage } from '../storage/memoryStorage';
import { createReadiness } from './health';

describe('readiness', () => {
  it('names each dependency that fails or does not answer in time', async () => {
    const readiness = createReadiness(createMemoryStorage(), 50);
    expect(await readiness.check()).toEqual({ ready: true });
    readiness.add('redis', () => new Promise(() => undefined));
    readiness.add('queue', () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:6379')));
    expect(await readiness.check()).toEqual({ ready: false, reason: 'redis timed out, queue unreachable' });
  });

  it('stays not ready once stopped', async () => {
    const readiness = createReadiness(createMemoryStorage());
    readiness.stop();
    expect(await readiness.check()).toEqual({ ready: false, reason: 'shutting down' });
  });
});

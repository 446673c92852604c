import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { createImportGate } from './importGate';
import type { HttpError } from './json';

function statusOf(fn: () => unknown): number | 'admitted' {
  try {
    fn();
    return 'admitted';
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe('import gate', () => {
  it('allows IMPORTS_PER_MINUTE per address and refills over the minute', () => {
    let now = 0;
    const settings = readConfig({ IMPORTS_PER_MINUTE: '2', MAX_CONCURRENT_IMPORTS: '100' });
    const gate = createImportGate(settings, undefined, () => now);
    expect(statusOf(() => gate.admit('1.2.3.4')())).toBe('admitted');
    expect(statusOf(() => gate.admit('1.2.3.4')())).toBe('admitted');
    expect(statusOf(() => gate.admit('1.2.3.4'))).toBe(429);
    expect(statusOf(() => gate.admit('5.6.7.8')())).toBe('admitted');
    now += 30_000;
    expect(statusOf(() => gate.admit('1.2.3.4')())).toBe('admitted');
    expect(statusOf(() => gate.admit('1.2.3.4'))).toBe(429);
  });

  it('says when to retry', () => {
    const gate = createImportGate(readConfig({ IMPORTS_PER_MINUTE: '1' }), undefined, () => 0);
    gate.admit('a')();
    try {
      gate.admit('a');
      expect.unreachable();
    } catch (error) {
      expect((error as HttpError).details).toEqual({ retryAfter: 60 });
    }
  });

  it('admits MAX_CONCURRENT_IMPORTS at once and frees a place on release, once', () => {
    const gate = createImportGate(readConfig({ MAX_CONCURRENT_IMPORTS: '2' }), undefined, () => 0);
    const first = gate.admit('a');
    gate.admit('b');
    expect(statusOf(() => gate.admit('c'))).toBe(503);
    first();
    first();
    expect(statusOf(() => gate.admit('c'))).toBe('admitted');
    expect(statusOf(() => gate.admit('d'))).toBe(503);
  });
});

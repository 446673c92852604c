import { describe, expect, it } from 'vitest';
import { createExportCache, type CachedExport } from './exportCache';

const file = (bytes: number): CachedExport => ({ ok: true, body: Buffer.alloc(bytes), title: 't', items: 1 });

describe('export cache', () => {
  it('keeps files up to its byte bound, dropping the least recently used first', () => {
    const cache = createExportCache(3_000);
    cache.set('a', file(900));
    cache.set('b', file(900));
    cache.get('a');
    cache.set('c', file(900));
    expect(cache.bytes).toBeLessThanOrEqual(3_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('never holds a file bigger than the whole bound, and holds nothing at 0', () => {
    const cache = createExportCache(1_000);
    cache.set('huge', file(5_000));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBe(0);
    const off = createExportCache(0);
    off.set('a', file(1));
    expect(off.get('a')).toBeUndefined();
  });

  it('counts a replaced entry once', () => {
    const cache = createExportCache(10_000);
    cache.set('a', file(1_000));
    cache.set('a', file(2_000));
    expect(cache.bytes).toBe(2_000 + 256);
  });
});

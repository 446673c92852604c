import { describe, expect, it } from 'vitest';
import { compareIndex, indexAbove, indexBelow, isValidIndex, keyAfter, keyBefore } from './zOrder';

describe('z-order keys', () => {
  it('start at a0 on an empty board', () => {
    expect(indexAbove([])).toBe('a0');
    expect(indexBelow([])).toBe('a0');
  });

  it('go above the highest and below the lowest key', () => {
    expect(indexAbove(['a0', 'a5', 'a2'])).toBe('a6');
    expect(compareIndex(indexBelow(['a0', 'a5']), 'a0')).toBe(-1);
  });

  it('stay on the right side of keys the library rejects, and are themselves valid', () => {
    // The example board uses keys like these; peers may write anything at all.
    for (const key of ['a000', 'a010', 'zzz', 'A', '0abc', 'a', 'Zzzz', 'b00', '~', '']) {
      const after = keyAfter(key);
      expect(compareIndex(after, key), `after ${key}`).toBe(1);
      const before = keyBefore(key);
      expect(compareIndex(before, key) <= 0, `before ${key}`).toBe(true);
      if (/^[a-y]/.test(key)) expect(isValidIndex(after)).toBe(true);
      if (/^[b-z]/.test(key)) expect(isValidIndex(before)).toBe(true);
    }
  });

  it('keep going up after many bring-to-front steps', () => {
    let key = 'a000';
    for (let i = 0; i < 500; i++) {
      const next = indexAbove([key]);
      expect(next > key).toBe(true);
      key = next;
    }
    expect(key.length).toBeLessThan(10);
  });

  it('compare by code unit, not locale', () => {
    expect(['b', 'B', 'a', 'Z'].sort(compareIndex)).toEqual(['B', 'Z', 'a', 'b']);
  });
});

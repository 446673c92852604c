/**
 * Z-order keys. Items sort by `index` with plain string comparison; new keys come from
 * fractional-indexing. Peers may write any string (the example board uses keys like "a000"
 * that the library rejects), so every function here accepts invalid keys and still returns
 * a valid key on the right side of them.
 *
 *   const top = indexAbove(items.map((i) => i.index)); // sorts after every existing key
 */
import { generateKeyBetween } from 'fractional-indexing';

const HEADS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const FIRST_POSITIVE = 26; // index of 'a' in HEADS

/** Compares two z-order keys the way every reader sorts them (code units, not locale). */
export function compareIndex(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when fractional-indexing accepts the key as a bound. */
export function isValidIndex(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** A valid key that sorts after `key`, whatever `key` is. */
export function keyAfter(key: string): string {
  if (isValidIndex(key)) return generateKeyBetween(key, null);
  const head = HEADS.indexOf(key[0] ?? '');
  if (head < 0) return key < 'a0' ? 'a0' : `${key}~`;
  if (head < FIRST_POSITIVE) return 'a0';
  const next = HEADS[head + 1];
  // The smallest integer key with the next head sorts after every key with this head.
  return next ? next + '0'.repeat(head - FIRST_POSITIVE + 2) : `${key}~`;
}

/** A valid key that sorts before `key`, whatever `key` is. */
export function keyBefore(key: string): string {
  if (isValidIndex(key)) return generateKeyBetween(null, key);
  const head = HEADS.indexOf(key[0] ?? '');
  const previous = head > 0 ? HEADS[head - 1] : undefined;
  if (!previous) return key.length > 1 ? key.slice(0, -1) : key;
  // The largest integer key with the previous head sorts before every key with this head.
  const length = head - 1 >= FIRST_POSITIVE ? head - FIRST_POSITIVE + 1 : FIRST_POSITIVE - head + 1;
  return previous + 'z'.repeat(length);
}

/** A key above all of `keys` (for a new item or "bring to front"). */
export function indexAbove(keys: Iterable<string>): string {
  let max: string | null = null;
  for (const key of keys) if (max === null || key > max) max = key;
  return max === null ? 'a0' : keyAfter(max);
}

/** A key below all of `keys` (for "send to back"). */
export function indexBelow(keys: Iterable<string>): string {
  let min: string | null = null;
  for (const key of keys) if (min === null || key < min) min = key;
  return min === null ? 'a0' : keyBefore(min);
}

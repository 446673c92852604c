/**
 * Hostile values for fuzzing: what a buggy or malicious third-party client can put into a
 * board document with plain yjs, field by field.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { ITEM_KINDS } from '../../shared/itemKinds';
import { LINK_KINDS } from '../../shared/links/registry';

/** One megabyte of text, built once: the 1 MB strings the issue asks for. */
const MEGABYTE = 'x'.repeat(1024 * 1024);

const SCALARS: readonly unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  1.5,
  -1,
  null,
  true,
  false,
  '',
  ' ',
  '0',
  'NaN',
  MEGABYTE,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\ud83d',
  '💧',
  '__proto__',
  'constructor',
  'a|b|c',
  [],
  [null],
  ['energizing', 42],
  ['energizing', 'energizing', 'energizing', 'energizing', 'energizing', 'energizing', 'energizing'],
  {},
  { __proto__: { polluted: true } },
  { toString: 'no' },
  new Uint8Array([1, 2, 3]),
  BigInt(7),
];

/** A random hostile scalar, array or object (never a shared type). */
export function hostileValue(gen: prng.PRNG): unknown {
  return prng.oneOf(gen, SCALARS as unknown[]);
}

/** A random hostile value that may also be a shared type nested where a plain value belongs. */
export function hostileField(gen: prng.PRNG): unknown {
  switch (prng.int32(gen, 0, 9)) {
    case 0:
      return new Y.Text(prng.oneOf(gen, ['<b>bold</b>', MEGABYTE, '']));
    case 1:
      return Y.Array.from([1, 2, 3]);
    case 2: {
      const map = new Y.Map<unknown>();
      map.set('nested', hostileValue(gen));
      return map;
    }
    default:
      return hostileValue(gen);
  }
}

/** Item fields that are valid, so a mutation of one field tests that field alone. */
export function plausibleItem(gen: prng.PRNG, id: string): Record<string, unknown> {
  return {
    id,
    kind: prng.oneOf(gen, [...ITEM_KINDS]),
    x: prng.int32(gen, -1000, 1000),
    y: prng.int32(gen, -1000, 1000),
    w: prng.int32(gen, 20, 400),
    h: prng.int32(gen, 20, 400),
    text: new Y.Text(prng.oneOf(gen, ['<script>alert(1)</script>', 'Stuwtjes in de sloot', ''])),
    index: 'a0',
    createdBy: 'fuzz',
    createdAt: 1_795_000_000_000,
    status: 'realised',
    mechanisms: ['energizing'],
    boundaryType: 'social',
    dimension: 'sphere',
    sphere: 'private',
    mechanism: 'robustness',
    advice: 'dont',
  };
}

/** Link fields that are plausible: a random kind between two ids from the list. */
export function plausibleLink(gen: prng.PRNG, id: string, ids: readonly string[]): Record<string, unknown> {
  return {
    id,
    kind: prng.oneOf(gen, [...LINK_KINDS]),
    from: ids.length ? prng.oneOf(gen, [...ids]) : 'nothing',
    to: ids.length ? prng.oneOf(gen, [...ids]) : 'nothing',
  };
}

/** A random key: usually ordinary, sometimes empty, huge or full of separators. */
export function hostileKey(gen: prng.PRNG, n: number): string {
  return prng.oneOf(gen, [
    `k${n}`,
    `k${n}`,
    `k${n}`,
    '',
    MEGABYTE.slice(0, 100_000),
    '|',
    `k${n}|`,
    '__proto__',
    `<i>${n}</i>`,
  ]);
}

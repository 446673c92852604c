/**
 * What one keystroke changed in a text field, found from the text before, the text after and
 * where the caret is now. The caret settles the ambiguity of repeated letters: typing "a"
 * at "a|a" gives "aa|a", and the new letter is the one at index 1 (left of the caret), so it
 * lands beside the typist's caret even when someone else is typing right after it.
 *
 *   textChange('aa', 'aaa', 2) // → { index: 1, remove: 0, insert: 'a' }
 */

/** One contiguous edit: remove `remove` characters at `index`, then insert `insert` there. */
export interface TextChange {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * The smallest single edit turning `before` into `after`. With `caret` (an index into
 * `after`), the text right of the caret is kept as far as it matches, so the edit ends at the
 * caret; without it, the common prefix is kept first. Surrogate pairs are never split.
 */
export function textChange(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  const samePrefix = (limit: number) => {
    let n = 0;
    while (n < limit && before.charCodeAt(n) === after.charCodeAt(n)) n++;
    return n;
  };
  const sameSuffix = (limit: number) => {
    let n = 0;
    while (n < limit && before.charCodeAt(before.length - 1 - n) === after.charCodeAt(after.length - 1 - n))
      n++;
    return n;
  };
  let start: number;
  let end: number;
  if (caret === undefined) {
    start = samePrefix(max);
    end = sameSuffix(max - start);
  } else {
    end = sameSuffix(Math.min(max, Math.max(0, after.length - caret)));
    start = samePrefix(max - end);
  }
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

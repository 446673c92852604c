/** Minimal edits to a Y.Text: only the differing middle changes, so others' concurrent typing survives. */
import type * as Y from 'yjs';

/** Turns `ytext` into `next` by deleting and inserting only between the common prefix and suffix. */
export function applyTextDiff(ytext: Y.Text, next: string): void {
  const current = ytext.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  // Never split a surrogate pair: an emoji cut in half would corrupt the text for everyone.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) ytext.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) ytext.insert(start, inserted);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

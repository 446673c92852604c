import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textChange, type TextChange } from './textChange';

function apply(text: string, change: TextChange | null): string {
  if (!change) return text;
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);
}

describe('textChange', () => {
  it.each([
    ['', 'nieuw', 5],
    ['oud', '', 0],
    ['water vasthouden', 'water langer vasthouden', 12],
    ['abcabc', 'abc', 3],
    ['💧💧', '💧💦💧', 4],
    ['x💧', 'x💦', 3],
  ])('turns %j into %j', (before, after, caret) => {
    expect(apply(before, textChange(before, after, caret))).toBe(after);
    expect(apply(before, textChange(before, after))).toBe(after);
  });

  it('reports nothing for no change', () => {
    expect(textChange('same', 'same', 2)).toBeNull();
  });

  it('puts a repeated letter left of the caret, where it was typed', () => {
    expect(textChange('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(textChange('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    // Without a caret the common prefix wins, and the letter goes to the end.
    expect(textChange('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('tells Backspace from Delete among equal letters by the caret', () => {
    // "ab|bc" Backspace → "a|bc"; "a|bbc" Delete → "a|bc": the same texts, other letters gone.
    expect(textChange('abbc', 'abc', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(textChange('abbc', 'abc', 2)).toEqual({ index: 2, remove: 1, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    const change = textChange('x💧', 'x💦', 3);
    expect(change).toEqual({ index: 1, remove: 2, insert: '💦' });
  });

  it('keeps a letter typed before a repeated one there, whatever is typed after it meanwhile', () => {
    // Both start from "aa". Here the caret is at 1 and "a" is typed: "a|a" → "aa|a". There,
    // someone appends "X" at the same moment. The letter typed here went before the second
    // "a", so the merge reads "aaaX"; a plain prefix diff would put it at the end, beside "X".
    for (const [mine, theirs] of [
      [1, 2],
      [2, 1],
    ]) {
      const here = new Y.Doc();
      here.clientID = mine!;
      here.getText('t').insert(0, 'aa');
      const there = new Y.Doc();
      there.clientID = theirs!;
      Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
      const change = textChange('aa', 'aaa', 2);
      if (!change) throw new Error('no change');
      here.getText('t').insert(change.index, change.insert);
      there.getText('t').insert(2, 'X');
      Y.applyUpdate(here, Y.encodeStateAsUpdate(there));
      expect(here.getText('t').toString()).toBe('aaaX');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ellipsize, MAX_UNBROKEN_RUN, measureText, wrapLines, wrapText } from './textMeasure';

/** One unit per code point: easy to reason about line contents. */
const perChar = (text: string) => Array.from(text).length;

describe('wrapLines', () => {
  it('breaks at white space and keeps every word', () => {
    expect(wrapLines('aa bb cc dd', 5, perChar)).toEqual(['aa bb', 'cc dd']);
    expect(wrapLines('aa bb\ncc', 20, perChar)).toEqual(['aa bb', 'cc']);
    expect(wrapLines('', 20, perChar)).toEqual(['']);
  });

  it('cuts a word wider than the line into full lines, also after other words', () => {
    expect(wrapLines('abcdefghij', 4, perChar)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLines('xy abcdefghij z', 4, perChar)).toEqual(['xy', 'abcd', 'efgh', 'ij z']);
  });

  it('never puts a line wider than the width unless it is a single character', () => {
    const text = 'Ruimte voor de rivier Waterschapsbestuursvergadering 漢字漢字 ok';
    for (const width of [1, 3, 7, 15, 40]) {
      for (const line of wrapLines(text, width, perChar)) {
        expect(perChar(line) <= width || perChar(line) === 1).toBe(true);
      }
    }
  });

  it('does not split surrogate pairs', () => {
    const lines = wrapLines('😀😀😀😀😀', 2, perChar);
    expect(lines).toEqual(['😀😀', '😀😀', '😀']);
  });

  it('cuts an unbroken run longer than MAX_UNBROKEN_RUN and marks it with an ellipsis', () => {
    const word = 'x'.repeat(10_000);
    const lines = wrapLines(`voor ${word} na`, 50, perChar);
    const joined = lines.join('');
    expect(joined).toContain(`${'x'.repeat(MAX_UNBROKEN_RUN)}…`);
    expect(joined).not.toContain('x'.repeat(MAX_UNBROKEN_RUN + 1));
    expect(lines[0]).toBe('voor');
    expect(lines.at(-1)).toMatch(/ na$/);
    expect(lines.length).toBe(Math.ceil((MAX_UNBROKEN_RUN + 1) / 50) + 1);
  });

  it('keeps a run of exactly MAX_UNBROKEN_RUN whole', () => {
    const word = 'y'.repeat(MAX_UNBROKEN_RUN);
    expect(wrapLines(word, 1000, perChar)).toEqual([word]);
  });

  it('caps a huge white space run without an ellipsis', () => {
    const lines = wrapLines(`a${' '.repeat(5_000)}b`, 10_000, perChar);
    expect(lines).toEqual([`a${' '.repeat(MAX_UNBROKEN_RUN)}b`]);
  });
});

describe('wrapText and ellipsize with the export metrics', () => {
  it('fits every line of a long word in the width', () => {
    const block = wrapText('W'.repeat(10_000), 120, 15);
    for (const line of block.lines) expect(measureText(line, 15)).toBeLessThanOrEqual(120);
    expect(block.lines.join('')).toBe(`${'W'.repeat(MAX_UNBROKEN_RUN)}…`);
  });

  it('ellipsizes to the width and leaves fitting text alone', () => {
    expect(ellipsize('kort', 200, 15)).toBe('kort');
    const cut = ellipsize('a long title that does not fit '.repeat(400), 150, 15);
    expect(cut.endsWith('…')).toBe(true);
    expect(measureText(cut, 15)).toBeLessThanOrEqual(150);
    // Nearly all the room is used: at most one wide character's width is left over.
    expect(measureText(cut, 15)).toBeGreaterThan(150 - measureText('W', 15));
  });
});

import { describe, expect, it } from 'vitest';
import { DocSizeBudget } from './docSizeBudget';

describe('DocSizeBudget', () => {
  it('passes writes within the cap without measuring', () => {
    let measured = 0;
    const budget = new DocSizeBudget(1_000_000, () => (measured += 1));
    budget.reset(500_000);
    expect(budget.fits(400_000, false)).toBe(true);
    budget.stored(400_000);
    expect(budget.fits(50_000, false)).toBe(true);
    expect(measured).toBe(0);
  });

  it('measures only once enough was written since, and refuses past the cap', () => {
    let size = 990_000;
    let measured = 0;
    const budget = new DocSizeBudget(1_000_000, () => {
      measured += 1;
      return size;
    });
    budget.reset(990_000);
    // Too little written since the last measurement for the answer to have changed.
    expect(budget.fits(20_000, false)).toBe(false);
    expect(measured).toBe(0);
    // A big write is measured: the document really would pass the cap.
    size = 990_000 + 100_000;
    expect(budget.fits(100_000, false)).toBe(false);
    expect(measured).toBe(1);
  });

  it('always passes deletions, and measures afresh after one', () => {
    let size = 1_000_000;
    const budget = new DocSizeBudget(1_000_000, () => size);
    budget.reset(1_000_000);
    expect(budget.fits(10, true)).toBe(true);
    budget.stored(10);
    size = 600_000;
    expect(budget.fits(1_000, false)).toBe(true);
  });
});

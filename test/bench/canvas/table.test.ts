import { describe, expect, it } from 'vitest';
import { over, percentile } from './measure';
import { resultTable, worseSize, type SizeResult } from './table';

const run = (open: number, p95: number, heap: number): SizeResult => ({
  open,
  pan: { p95, over50: p95 > 50 ? 3 : 0, frames: 120 },
  fit: { p95: 16.7, over50: 0, frames: 60 },
  heap,
  dom: 500,
});

describe('the canvas bench table', () => {
  it('takes nearest-rank percentiles and counts slow frames', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([16.7], 95)).toBe(16.7);
    expect(percentile([], 95)).toBeNaN();
    expect(over([16.7, 50, 50.1, 120], 50)).toBe(2);
  });

  it('keeps the worst of two runs measure by measure', () => {
    const worst = worseSize(run(2000, 16.7, 30e6), run(1500, 60, 20e6));
    expect(worst).toMatchObject({ open: 2000, heap: 30e6, pan: { p95: 60, over50: 3 } });
  });

  it('prints one row per size and measure with Olievlek ÷ Excalidraw', () => {
    const peer = { sizes: new Map([[1000, run(2000, 16.7, 24 * 1024 * 1024)]]), drag: null };
    const ours = { sizes: new Map([[1000, run(4000, 33.4, 12 * 1024 * 1024)]]), drag: null };
    const table = resultTable([1000], peer, ours).split('\n');
    expect(table).toHaveLength(2 + 7);
    expect(table).toContain('| 1,000 | cold open | 2.00 s | 4.00 s | ×2.00 |');
    expect(table).toContain('| 1,000 | pan p95 at 100 % | 16.7 ms | 33.4 ms | ×2.00 |');
    expect(table).toContain('| 1,000 | frames > 50 ms at 100 % | 0 of 120 | 0 of 120 | = |');
    expect(table).toContain('| 1,000 | JS heap after GC | 24.0 MB | 12.0 MB | ×0.50 |');
  });
});

/** Latency samples: appended as they arrive, summarized once a phase is over. */

/** A growable list of numbers (ms) with percentiles. */
export class Samples {
  private data = new Float64Array(1 << 16);
  private size = 0;

  get count(): number {
    return this.size;
  }

  add(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  /** p50, p95, p99 and max in ms (NaN without samples). */
  summary(): { p50: number; p95: number; p99: number; max: number } {
    const sorted = this.data.subarray(0, this.size).sort();
    const at = (p: number) =>
      sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    return { p50: at(50), p95: at(95), p99: at(99), max: at(100) };
  }
}

/**
 * The document size cap of one room (MAX_DOC_BYTES): every joiner downloads the whole
 * document and every snapshot copies it, so it may not grow without bound.
 *
 * Measuring a document (encoding it) costs time proportional to its size, too much for every
 * keystroke. The budget keeps an estimate instead: the measured size at load plus every byte
 * stored since, which can only overstate (deleting shrinks a document, but its update still
 * counts). Only when a write would pass the cap by the estimate is the document measured
 * again, and then only if enough was written since the last measurement (or something was
 * deleted) for the answer to have changed, so a writer hammering a full board costs little.
 * Writes that only delete always pass: they are how a full board gets room again.
 *
 *   const budget = new DocSizeBudget(16 << 20, () => Y.encodeStateAsUpdate(doc).byteLength);
 *   budget.reset(measured); budget.stored(bytes); budget.fits(pending, onlyDeletes);
 */

/** Bytes of growth (at least) after which an over-the-cap estimate is worth a new measurement. */
const MIN_REMEASURE_BYTES = 64 * 1024;

/** The size estimate of one document against its cap. */
export class DocSizeBudget {
  private estimate = 0;
  private sinceMeasured = 0;
  private stale = false;
  private readonly remeasureBytes: number;

  constructor(
    readonly cap: number,
    /** The document's current encoded size, including writes applied but not yet stored. */
    private readonly measure: () => number,
  ) {
    this.remeasureBytes = Math.max(MIN_REMEASURE_BYTES, Math.floor(cap / 64));
  }

  /** Starts over from a measured size (after load or compaction). */
  reset(bytes: number): void {
    this.estimate = bytes;
    this.sinceMeasured = 0;
    this.stale = false;
  }

  /** Counts bytes appended to the stored log. */
  stored(bytes: number): void {
    this.estimate += bytes;
    this.sinceMeasured += bytes;
  }

  /**
   * Whether the document stays within the cap with `pending` bytes applied but not yet stored.
   * `onlyDeletes`: the write added no structs, only deletions.
   */
  fits(pending: number, onlyDeletes: boolean): boolean {
    if (onlyDeletes) {
      this.stale = true;
      return true;
    }
    if (this.estimate + pending <= this.cap) return true;
    if (!this.stale && this.sinceMeasured + pending < this.remeasureBytes) return false;
    const measured = this.measure();
    // The pending bytes are counted again once stored, so they are left out of the new base.
    this.reset(Math.max(0, measured - pending));
    return measured <= this.cap;
  }
}

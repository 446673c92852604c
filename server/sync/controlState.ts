/**
 * A board's facilitation state as the server judges writes by it: the control document's read
 * model (shared/control/readControl.ts), kept current by observing the document. Each time the
 * board becomes locked the epoch goes up, so a participant is told about each lock once.
 */
import type * as Y from 'yjs';
import { getControl, readControl, type ControlReadModel } from '../../shared/control/readControl';

/** The live control state of one board. */
export class ControlState {
  private current: ControlReadModel;
  private epoch = 0;
  private stale = false;

  constructor(doc: Y.Doc) {
    this.current = readControl(doc);
    if (this.current.locked) this.epoch = 1;
    // Read again lazily: a burst of control changes costs one read, at the next judgement.
    getControl(doc).observeDeep(() => {
      this.stale = true;
    });
    this.read = () => {
      if (!this.stale) return this.current;
      const wasLocked = this.current.locked;
      this.current = readControl(doc);
      this.stale = false;
      if (this.current.locked && !wasLocked) this.epoch += 1;
      return this.current;
    };
  }

  private readonly read: () => ControlReadModel;

  /** The validated control document as it is now. */
  get model(): ControlReadModel {
    return this.read();
  }

  /** True while participants are read-only on the content document. */
  get locked(): boolean {
    return this.read().locked;
  }

  /** Goes up by one every time the board becomes locked. */
  get lockEpoch(): number {
    this.read();
    return this.epoch;
  }

  /** Items participants may not change. */
  get lockedItems(): ReadonlySet<string> {
    return this.read().lockedItems;
  }
}

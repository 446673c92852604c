/**
 * A board's facilitation state as the server judges writes by it: the control document's read
 * model (shared/control/readControl.ts), read again lazily after the document changed, so a
 * burst of control changes costs one read, at the next judgement. Each time the board becomes
 * locked the epoch goes up, so a participant is told about each lock once.
 */
import type * as Y from 'yjs';
import { getControl, readControl, type ControlReadModel } from '../../shared/control/readControl';

/** The live control state of one board. */
export class ControlState {
  private current: ControlReadModel;
  private epoch: number;
  private stale = false;

  constructor(private readonly doc: Y.Doc) {
    this.current = readControl(doc);
    this.epoch = this.current.locked ? 1 : 0;
    getControl(doc).observeDeep(() => {
      this.stale = true;
    });
  }

  /** The validated control document as it is now. */
  get model(): ControlReadModel {
    return this.refresh();
  }

  /** True while participants are read-only on the content document. */
  get locked(): boolean {
    return this.model.locked;
  }

  /** Goes up by one every time the board becomes locked. */
  get lockEpoch(): number {
    this.refresh();
    return this.epoch;
  }

  /** Items participants may not change. */
  get lockedItems(): ReadonlySet<string> {
    return this.model.lockedItems;
  }

  private refresh(): ControlReadModel {
    if (this.stale) {
      const wasLocked = this.current.locked;
      this.current = readControl(this.doc);
      this.stale = false;
      if (this.current.locked && !wasLocked) this.epoch += 1;
    }
    return this.current;
  }
}

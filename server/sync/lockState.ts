/**
 * The lock of a board, read from its control document (`control.locked`). Each time the
 * board becomes locked the epoch goes up, so a participant is told about each lock once.
 */
import type * as Y from 'yjs';

/** Name of the control document's root map (DESIGN.md contract 1). */
export const CONTROL_ROOT = 'control';

/** Whether the board is locked, kept current by observing the control document. */
export class LockState {
  private current = false;
  private epoch = 0;

  constructor(doc: Y.Doc) {
    const control = doc.getMap<unknown>(CONTROL_ROOT);
    const refresh = () => {
      const locked = control.get('locked') === true;
      if (locked && !this.current) this.epoch += 1;
      this.current = locked;
    };
    control.observe(refresh);
    refresh();
  }

  /** True while participants are read-only on the content document. */
  get locked(): boolean {
    return this.current;
  }

  /** Goes up by one every time the board becomes locked. */
  get lockEpoch(): number {
    return this.epoch;
  }
}

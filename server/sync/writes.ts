/**
 * Applying a client's document update under its permissions.
 *
 * Two kinds of refusal, because Yjs updates of one client form a chain (each depends on that
 * client's earlier ones):
 *
 * - **drop** for roles that may never write this document (a viewer anywhere, a participant
 *   on the control document): the update is not applied, stored or relayed. Their chain never
 *   needs to continue, so nothing is lost by leaving a gap.
 * - **revert** for a participant while the board is locked: the update is applied and, in the
 *   same step, undone by a server transaction; both are stored and relayed together. Nobody
 *   ever sees the edit take effect (the author's own view snaps back), yet the server holds
 *   the author's chain without a gap, so the moment the lock lifts that participant's next
 *   edit applies and relays at once, with no resync and without resurrecting the locked edits.
 *   (Dropping instead would strand every later update of that client as pending, and a resync
 *   would replay exactly the edits the lock refused.)
 */
import * as Y from 'yjs';
import { MalformedMessage } from './protocol';

/** Applies a client update; throws MalformedMessage when Yjs cannot read it. */
export function applyClientUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  try {
    Y.applyUpdate(doc, update, origin);
  } catch (error) {
    throw new MalformedMessage(`bad document update: ${(error as Error).message}`);
  }
}

/** What judging a write decided. */
export interface Judged<R> {
  /** Why the write was undone, or null when it stands. */
  readonly refused: R | null;
  /** Whether the undo changed anything (false for a refused update that held nothing new). */
  readonly reverted: boolean;
}

/**
 * How to judge a write, in two steps: `during` sees the transaction while Yjs still lets its
 * events say what changed (old values, text deltas: they cannot be computed once the
 * transaction's observers have run); `after` also knows the bytes of the change it emitted.
 */
export interface Judge<R> {
  readonly during?: (tr: Y.Transaction) => R | null;
  readonly after?: (tr: Y.Transaction, bytes: number) => R | null;
}

/**
 * Applies `update`, asks `judge` about the transaction it produced, and undoes the whole of
 * it when `judge` names a reason. Applying and then undoing, rather than dropping, keeps the
 * author's chain of updates gapless (see the module comment): their next acceptable edit
 * applies at once.
 *
 * An UndoManager keeps the items a tracked transaction deleted from garbage collection, so
 * they can be restored; once it is gone nothing will restore them, so they are collected
 * here, as Yjs would have done at the end of each transaction. Without that, every deleted
 * text would stay in memory and in every stored state, and a refused megabyte would too.
 */
export function applyJudged<R>(doc: Y.Doc, update: Uint8Array, origin: unknown, judge: Judge<R>): Judged<R> {
  const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const transactions: Y.Transaction[] = [];
  let refused: R | null = null;
  let bytes = 0;
  const onTransaction = (tr: Y.Transaction) => {
    transactions.push(tr);
    if (tr.origin === origin && refused === null && judge.during) refused = judge.during(tr);
  };
  const onUpdate = (change: Uint8Array, from: unknown) => {
    if (from === origin) bytes += change.byteLength;
  };
  doc.on('afterTransaction', onTransaction);
  doc.on('update', onUpdate);
  try {
    applyClientUpdate(doc, update, origin);
    const applied = transactions.find((tr) => tr.origin === origin);
    if (refused === null && applied && judge.after) refused = judge.after(applied, bytes);
    let reverted = false;
    if (refused !== null) while (undo.canUndo()) reverted = undo.undo() !== null || reverted;
    return { refused, reverted };
  } finally {
    doc.off('afterTransaction', onTransaction);
    doc.off('update', onUpdate);
    undo.clear();
    undo.destroy();
    if (doc.gc && transactions.length > 0)
      Y.tryGc(Y.mergeDeleteSets(transactions.map((tr) => tr.deleteSet)), doc.store, doc.gcFilter);
  }
}

/**
 * Applies `update` and immediately undoes whatever it changed. Returns true when it changed
 * something (and so was reverted), false for an update with nothing new.
 */
export function applyReverted(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  return applyJudged(doc, update, origin, { during: () => true }).reverted;
}

/**
 * Whether `update` holds anything `doc` lacks: structs past its state vector or deletions of
 * items it has not deleted. A client's sync step 2 usually holds nothing new, and a refusal is
 * only worth telling when there was something to refuse.
 */
export function hasNewContent(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedMessage(`bad document update: ${(error as Error).message}`);
  }
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  if (decoded.ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      if (!Y.isDeleted(deleted, Y.createID(client, clock))) return true;
      if (!Y.isDeleted(deleted, Y.createID(client, clock + len - 1))) return true;
    }
  }
  return false;
}

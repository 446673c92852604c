/**
 * Who may write which document, and what a write may change (DESIGN.md contract 2): the
 * facilitator everything; a participant the content document unless the board is locked; a
 * viewer nothing; and for everyone who writes, the rules of contentRules.ts and the document
 * size cap. How each refusal is carried out, and why, is explained in writes.ts; why an
 * update with missing dependencies is never applied, in updateDeps.ts.
 *
 * A write over the size cap is refused like any other rule: undone, with the reason in the
 * y-protocols auth "permission denied" message, and the connection left open. Closing it
 * instead would not help: the refused change stays in the writer's client, a transient close
 * would bring it straight back in the next sync step 2 and a permanent one would end the
 * writer's session although deleting something is all it takes to make room. The undo
 * stores and relays only the garbage-collected remains (room.ts), never the refused bytes.
 */
import type * as Y from 'yjs';
import { log } from '../log';
import type { ServerMetrics } from '../serverMetrics';
import { CLOSE } from './closeCodes';
import type { Connection } from './connection';
import { judgeContent, type Refusal } from './contentRules';
import type { DocSizeBudget } from './docSizeBudget';
import type { ControlState } from './controlState';
import { judgeControl } from './controlRules';
import { judgeParticipant } from './participantRules';
import { encodePermissionDenied } from './protocol';
import type { RoomKind } from './roomName';
import { dropPending, hasPending, missingDependency } from './updateDeps';
import { applyJudged, hasNewContent } from './writes';

/** What a room gives the policy for judging its writes. */
export interface WriteContext {
  readonly doc: Y.Doc;
  readonly kind: RoomKind;
  /** The board's facilitation state (for content rooms): the lock and the locked items. */
  readonly control: ControlState | null;
  readonly metrics: ServerMetrics;
  readonly budget: DocSizeBudget;
  /** Bytes of this batch's earlier writes, applied but not yet stored. */
  readonly pendingBytes: number;
}

/** What became of one client update. */
export type WriteOutcome = 'applied' | 'reverted' | 'dropped';

/** Applies one client update as its role and the rules allow. */
export function applyWrite(ctx: WriteContext, conn: Connection, update: Uint8Array): WriteOutcome {
  const { doc, kind, metrics } = ctx;
  if (conn.role === 'viewer' || (kind === 'control' && conn.role !== 'facilitator')) {
    const reason = conn.role === 'viewer' ? 'viewer' : 'control';
    if (hasNewContent(doc, update)) {
      metrics.dropped.inc({ reason });
      tellOnce(
        conn,
        reason,
        reason === 'viewer'
          ? 'viewers cannot edit this board'
          : 'only the facilitator changes the control document',
      );
    }
    return 'dropped';
  }
  const missing = missingDependency(doc, update);
  if (missing !== null) return refuseIncomplete(ctx, conn, missing);
  const participant = kind === 'content' && conn.role === 'participant';
  const locked = participant && ctx.control?.locked === true;
  const lockRefusal: Refusal | null = locked
    ? {
        key: `locked:${ctx.control!.lockEpoch}`,
        message: 'the board is locked by the facilitator; your edit was undone',
      }
    : null;
  const { refused, reverted } = applyJudged<Refusal>(doc, update, conn, {
    during: (tr) =>
      lockRefusal ??
      safely(conn, () =>
        kind === 'control'
          ? judgeControl(tr)
          : (judgeContent(tr, conn.role) ??
            (participant ? judgeParticipant(tr, ctx.control?.lockedItems ?? new Set()) : null)),
      ),
    after: (tr, bytes) => safely(conn, () => judgeSize(ctx, tr, bytes)),
  });
  if (hasPending(doc)) {
    // Only an update crafted to pass the check (a dependency cycle) gets here.
    dropPending(doc);
    log('warn', 'ws.pending_dropped', { room: conn.info.room, connection: conn.id });
    conn.close(CLOSE.malformed, 'update with unresolvable dependencies');
  }
  if (refused === null || !reverted) return 'applied';
  const reason = refused.key.startsWith('locked:') ? 'locked' : refused.key;
  metrics.dropped.inc({ reason });
  tellOnce(conn, refused.key, refused.message);
  return 'reverted';
}

/** Runs a judge; one that cannot read what a write did refuses it rather than failing the room. */
function safely(conn: Connection, judge: () => Refusal | null): Refusal | null {
  try {
    return judge();
  } catch (error) {
    log('error', 'write.judge_failed', { room: conn.info.room, connection: conn.id, error });
    return { key: 'unjudged', message: 'your edit could not be checked and was undone' };
  }
}

/** The size cap: a write that adds structs past MAX_DOC_BYTES is refused. */
function judgeSize(ctx: WriteContext, tr: Y.Transaction, bytes: number): Refusal | null {
  let added = false;
  for (const [client, clock] of tr.afterState) if (clock > (tr.beforeState.get(client) ?? 0)) added = true;
  if (ctx.budget.fits(ctx.pendingBytes + bytes, !added)) return null;
  return {
    key: 'doc-size',
    message: `the board is full: its document may hold at most ${ctx.budget.cap} bytes; your edit was undone (deleting makes room)`,
  };
}

/**
 * An update whose dependencies the server lacks is dropped, never parked (updateDeps.ts).
 * Before the client's sync step 2 that is routine (the step 2 holds it again); after it, the
 * client has diverged from the server, and reconnecting is how it resyncs: its next step 2 is
 * judged under the rules that hold then.
 */
function refuseIncomplete(ctx: WriteContext, conn: Connection, missing: string): WriteOutcome {
  ctx.metrics.dropped.inc({ reason: 'missing-dependencies' });
  if (!conn.sentSyncStep2) return 'dropped';
  log('warn', 'ws.missing_dependencies', { room: conn.info.room, connection: conn.id, missing });
  // No "permission denied": nothing was refused for good, and the app would take it as
  // losing the right to write. The close reason says what happened.
  conn.close(CLOSE.resync, 'update with missing dependencies; reconnect to resync');
  return 'dropped';
}

/** Sends the auth "permission denied" message the first time this refusal meets this connection. */
function tellOnce(conn: Connection, key: string, reason: string): void {
  if (conn.told.has(key)) return;
  conn.told.add(key);
  conn.send(encodePermissionDenied(reason), 'auth');
}

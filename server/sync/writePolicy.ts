/**
 * Who may write which document (DESIGN.md contract 2): the facilitator everything; a
 * participant the content document unless the board is locked; a viewer nothing. How each
 * refusal is carried out, and why, is explained in writes.ts.
 */
import type * as Y from 'yjs';
import type { ServerMetrics } from '../serverMetrics';
import type { Connection } from './connection';
import type { LockState } from './lockState';
import { encodePermissionDenied } from './protocol';
import type { RoomKind } from './roomName';
import { applyClientUpdate, applyReverted, hasNewContent } from './writes';

/** Applies one client update as its role allows; true when it was applied and then reverted. */
export function applyWrite(
  doc: Y.Doc,
  kind: RoomKind,
  lock: LockState | null,
  conn: Connection,
  update: Uint8Array,
  metrics: ServerMetrics,
): boolean {
  if (conn.role === 'facilitator') {
    applyClientUpdate(doc, update, conn);
    return false;
  }
  if (conn.role === 'viewer' || kind === 'control') {
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
    return false;
  }
  if (lock?.locked) {
    if (!applyReverted(doc, update, conn)) return false;
    metrics.dropped.inc({ reason: 'locked' });
    tellOnce(
      conn,
      `locked:${lock.lockEpoch}`,
      'the board is locked by the facilitator; your edit was undone',
    );
    return true;
  }
  applyClientUpdate(doc, update, conn);
  return false;
}

/** Sends the auth "permission denied" message the first time this refusal meets this connection. */
function tellOnce(conn: Connection, key: string, reason: string): void {
  if (conn.told.has(key)) return;
  conn.told.add(key);
  conn.send(encodePermissionDenied(reason), 'auth');
}

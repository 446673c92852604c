/**
 * One open board: connection, editor, role, the lock, and the reason (if any) this person can
 * only look. The server decides; the client mirrors its decisions in what it offers.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readControl } from '../../shared/control/readControl';
import { createEditor, type Editor } from '../editor/editor';
import {
  connectBoard,
  deviceUserId,
  fetchBoardInfo,
  type BoardConnection,
  type BoardInfo,
  type ConnectionStatus,
  type OpenError,
  type Role,
} from '../sync/connection';
import type { StringKey } from './strings';
import { itemDisplayBox } from '../canvas/paint/paintItem';

/** Why the board is read-only for this person, or null when they may edit. */
export type ReadOnlyReason = 'viewer' | 'locked' | null;

/** The state of an open board. */
export type BoardSession =
  | { phase: 'loading' }
  | { phase: 'error'; key: StringKey; /** The server's own words, shown as plain text. */ detail?: string }
  | {
      phase: 'ready';
      editor: Editor;
      connection: BoardConnection;
      role: Role;
      title: string;
      readOnly: ReadOnlyReason;
    };

const ERRORS: Record<OpenError, StringKey> = {
  invalid: 'board.invalidLink',
  notFound: 'board.notFound',
  failed: 'board.failed',
};

/** What a permanent close from the server means for the person looking at the page. */
export function closeError(code: number, reason: string): { key: StringKey; detail?: string } {
  const detail = reason.trim().slice(0, 200) || undefined;
  if (code === 4401) return { key: 'board.invalidLink' };
  if (code === 4404) return { key: 'board.notFound' };
  if (code === 4426 || code === 4500) return { key: 'board.tooNew', detail };
  if (code === 4422 || (code > 4500 && code < 4600)) return { key: 'board.cannotLoad', detail };
  return { key: 'board.failed', detail };
}

/** How the server words the refusal of a participant's edit while the board is locked. */
const LOCK_REFUSAL = /\bboard is locked\b/i;

/** The control document's `locked` flag, read through the contract 3 model. */
function isLocked(controlDoc: Y.Doc): boolean {
  return readControl(controlDoc).locked;
}

/** Opens a board and keeps its session up to date. */
export function useBoardSession(
  boardId: string,
  token: string,
): { session: BoardSession; status: ConnectionStatus } {
  const [session, setSession] = useState<BoardSession>(
    token ? { phase: 'loading' } : { phase: 'error', key: 'board.noToken' },
  );
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    let editor: Editor | null = null;
    let info: BoardInfo | null = null;
    let synced = false;
    let denied = false;
    const reason = (role: Role): ReadOnlyReason =>
      role === 'viewer'
        ? 'viewer'
        : role === 'participant' && (denied || isLocked(connection.controlDoc))
          ? 'locked'
          : null;
    const publish = () => {
      if (!editor || !info || cancelled) return;
      const readOnly = reason(info.role);
      editor.setReadOnly(readOnly !== null);
      setSession({ phase: 'ready', editor, connection, role: info.role, title: info.title, readOnly });
    };
    // The editor needs both the document and who we are on it.
    const open = () => {
      if (cancelled || editor || !info || !synced) return;
      editor = createEditor({
        doc: connection.doc,
        userId: deviceUserId(),
        readOnly: info.role === 'viewer',
        // Hit-testing and culling use the box the canvas draws (cards grow with their text).
        boxOf: itemDisplayBox,
      });
      publish();
    };
    // The document syncs while the board info is asked for: waiting for one before starting
    // the other cost a round trip on every open. A refused token fails both, with one message.
    const connection = connectBoard(boardId, token, {
      onStatus: setStatus,
      onReady() {
        synced = true;
        open();
      },
      onClosedForGood(code, closeReason) {
        if (!cancelled) setSession({ phase: 'error', ...closeError(code, closeReason) });
      },
      onPermissionDenied(refusal) {
        if (info?.role === 'participant' && LOCK_REFUSAL.test(refusal)) {
          // Until the control document says otherwise, the server's refusal is what counts.
          denied = true;
          publish();
        } else {
          // One edit broke a rule (too long, the board is full): say so; writing goes on.
          editor?.notify(refusal);
        }
      },
    });
    let closed = false;
    const close = () => {
      if (!closed) connection.destroy();
      closed = true;
    };
    connection.controlDoc.getMap('control').observe(() => {
      if (!isLocked(connection.controlDoc)) denied = false;
      publish();
    });
    void fetchBoardInfo(boardId, token).then((answer) => {
      if (cancelled) return;
      if (typeof answer === 'string') {
        setSession({ phase: 'error', key: ERRORS[answer] });
        close();
        return;
      }
      info = answer;
      open();
    });
    return () => {
      cancelled = true;
      editor?.destroy();
      close();
    };
  }, [boardId, token]);

  return { session, status };
}

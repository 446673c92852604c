/**
 * Snapshots: a board's content frozen under a label. `take` is the one function every feature
 * calls (the facilitator's button, the automatic snapshot when the last person has left, and
 * later every phase change); `restore` turns the board back into a snapshot as one new change
 * through the room (stored before it is relayed, seen by everyone), after first taking a
 * snapshot of what it replaces, so a restore can itself be undone by restoring that one.
 *
 *   const snapshots = createSnapshotService(storage, rooms);
 *   await snapshots.take(boardId, 'Na de oogst');
 */
import * as Y from 'yjs';
import type { BoardReadModel } from '../../shared/readBoard';
import { restoreBoard, type RestoreSummary } from '../../shared/restoreBoard';
import { toWellFormed } from '../../shared/wellFormed';
import { log } from '../log';
import type { SnapshotInfo, Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import { CURRENT_SCHEMA_VERSION } from '../../shared/migrations';
import { getMeta } from '../../shared/ydoc';
import { HttpError } from '../http/json';
import { CLOSE } from '../sync/closeCodes';
import { RoomUnavailableError } from '../sync/roomQueue';
import { BoardUnreadableError, boardState, readState } from './boardState';
import { createBoardId } from './tokens';

/** Longest snapshot label. */
export const MAX_SNAPSHOT_LABEL = 120;

/** Why a snapshot was taken without anyone asking, for its label. */
export type AutoReason = 'lastLeft' | 'beforeRestore' | 'periodic' | 'phaseEnd';

/** Labels of automatic snapshots; `{}` takes the detail (the phase that ended). */
export const AUTO_LABELS: Record<AutoReason, Record<'nl' | 'en', string>> = {
  lastLeft: { en: 'Automatic: everyone left', nl: 'Automatisch: iedereen is weg' },
  beforeRestore: { en: 'Automatic: before restoring', nl: 'Automatisch: vóór herstellen' },
  periodic: { en: 'Automatic: while editing', nl: 'Automatisch: tijdens het werk' },
  phaseEnd: { en: 'After phase: {}', nl: 'Na fase: {}' },
};

/** What the server does with snapshots. */
export interface SnapshotService {
  /** Takes a snapshot of the board as it is now. */
  take(boardId: string, label: string): Promise<SnapshotInfo>;
  /** Stores `state` (a whole content document; the board as it is now without one) as an automatic snapshot. */
  takeAuto(boardId: string, reason: AutoReason, state?: Uint8Array, detail?: string): Promise<SnapshotInfo>;
  list(boardId: string): Promise<SnapshotInfo[]>;
  /** A snapshot's read model, or null when the board has no such snapshot. */
  read(boardId: string, snapshotId: string): Promise<{ info: SnapshotInfo; board: BoardReadModel } | null>;
  /** Makes the board read like the snapshot again; null when there is no such snapshot. */
  restore(
    boardId: string,
    snapshotId: string,
  ): Promise<{ restored: SnapshotInfo; backup: SnapshotInfo; summary: RestoreSummary } | null>;
}

/** The snapshot service over a store and the live rooms. */
export function createSnapshotService(storage: Storage, rooms: RoomManager): SnapshotService {
  let last = 0;
  // Two snapshots in one millisecond would list in an arbitrary order; time only goes up.
  const now = () => (last = Math.max(Date.now(), last + 1));

  async function store(boardId: string, label: string, state: Uint8Array): Promise<SnapshotInfo> {
    const info: SnapshotInfo = {
      id: createBoardId(),
      boardId,
      label: toWellFormed(label).replace(/\s+/g, ' ').trim().slice(0, MAX_SNAPSHOT_LABEL),
      createdAt: now(),
    };
    await storage.createSnapshot({ ...info, state });
    log('info', 'snapshot.taken', { board: boardId, snapshot: info.id });
    return info;
  }

  function autoLabel(reason: AutoReason, state: Uint8Array, detail = ''): string {
    let language: 'nl' | 'en' = 'nl';
    try {
      language = readState(state).meta.language;
    } catch (error) {
      // An unreadable board (the state a repairing restore replaces) still gets its backup.
      if (!(error instanceof BoardUnreadableError)) throw error;
    }
    return AUTO_LABELS[reason][language].replace('{}', detail);
  }

  /**
   * Restores a snapshot onto a board whose document cannot be loaded (its room refuses to
   * open, so the change cannot go through it): the facilitator's deliberate way back from a
   * board bricked by a format version no server wrote, see server/sync/loadProblem.ts. The
   * unreadable state is kept first as a snapshot (a newer server could still read it); then
   * one update, written straight to the store, makes the content the snapshot's and the
   * format version this server's. No room is open to relay it to: nobody can be connected.
   */
  async function repair(boardId: string, restored: SnapshotInfo, target: BoardReadModel) {
    const stored = await storage.load(boardId);
    const current =
      stored.updates.length === 0 ? new Uint8Array([0, 0]) : Y.mergeUpdates([...stored.updates]);
    const backup = await store(
      boardId,
      `${autoLabel('beforeRestore', current)} “${restored.label}”`,
      current,
    );
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, current);
      const before = Y.encodeStateVector(doc);
      const summary = doc.transact(() => {
        getMeta(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
        return restoreBoard(doc, target);
      });
      await storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc, before));
      log('warn', 'snapshot.repaired', { board: boardId, snapshot: restored.id, ...summary });
      return { restored, backup, summary };
    } finally {
      doc.destroy();
    }
  }

  return {
    async take(boardId, label) {
      return store(boardId, label, await boardState(storage, rooms, boardId));
    },
    async takeAuto(boardId, reason, given, detail) {
      const state = given ?? (await boardState(storage, rooms, boardId));
      return store(boardId, autoLabel(reason, state, detail), state);
    },
    list: (boardId) => storage.listSnapshots(boardId),
    async read(boardId, snapshotId) {
      const found = await storage.getSnapshot(boardId, snapshotId);
      if (!found) return null;
      const { state, ...info } = found;
      return { info, board: readState(state) };
    },
    async restore(boardId, snapshotId) {
      const found = await storage.getSnapshot(boardId, snapshotId);
      if (!found) return null;
      const { state, ...restored } = found;
      const target = readState(state);
      try {
        return await rooms.withRoom(boardId, async (room) => {
          // The state it replaces is read in the same queued step as the change, so nothing
          // another participant did in between is missing from the backup.
          let current: Uint8Array = new Uint8Array();
          const summary = await room.change((doc) => {
            current = Y.encodeStateAsUpdate(doc);
            return restoreBoard(doc, target);
          });
          const backup = await store(
            boardId,
            `${autoLabel('beforeRestore', current)} “${restored.label}”`,
            current,
          );
          log('info', 'snapshot.restored', { board: boardId, snapshot: restored.id, ...summary });
          return { restored, backup, summary };
        });
      } catch (error) {
        if (!(error instanceof RoomUnavailableError)) throw error;
        if (error.code === CLOSE.documentTooNew || error.code === CLOSE.documentUnreadable)
          return repair(boardId, restored, target);
        throw new HttpError(503, 'board_unavailable', `the board cannot be restored now: ${error.message}`);
      }
    },
  };
}

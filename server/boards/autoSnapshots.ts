/**
 * The facilitator's safety net: every few minutes, each loaded board that was edited since
 * the last round gets an automatic snapshot, and only the newest few of those are kept, so
 * "back to 10 minutes ago" always has a point to return to without snapshots piling up.
 * Automatic snapshots are known by their label (AUTO_LABELS.periodic, in either language).
 * With several instances, the first to claim a board in a round takes its snapshot.
 */
import { log } from '../log';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import { AUTO_LABELS, type SnapshotService } from './snapshots';

const PERIODIC = new Set(Object.values(AUTO_LABELS.periodic));

/** Starts the rounds; `everyMs` 0 turns them off. */
export function startAutoSnapshots(deps: {
  rooms: RoomManager;
  snapshots: SnapshotService;
  storage: Storage;
  everyMs: number;
  keep: number;
  /** With other instances (issue 13): one of them takes a board's round (Fanout.claim). */
  claim?: (name: string, ttlMs: number) => Promise<boolean>;
}): { round(): Promise<void>; stop(): void } {
  /** Each board's room version at its last automatic snapshot. */
  const seen = new WeakMap<object, number>();
  let running: Promise<void> | null = null;

  async function snapshot(boardId: string): Promise<void> {
    await deps.snapshots.takeAuto(boardId, 'periodic');
    const periodic = (await deps.storage.listSnapshots(boardId))
      .filter((s) => PERIODIC.has(s.label))
      .sort((a, b) => b.createdAt - a.createdAt);
    for (const old of periodic.slice(deps.keep)) await deps.storage.deleteSnapshot(boardId, old.id);
  }

  async function round(): Promise<void> {
    for (const room of deps.rooms.contentRooms()) {
      const version = room.version;
      if (version === (seen.get(room) ?? 0)) continue;
      seen.set(room, version);
      // Another instance editing the same board snapshots it this round; its copy has our edits.
      if (
        deps.claim &&
        !(await deps.claim(`autosnapshot:${room.boardId}`, Math.max(1_000, deps.everyMs * 0.9)))
      )
        continue;
      await snapshot(room.boardId).catch((error: unknown) => {
        log('error', 'snapshot.periodic_failed', { board: room.boardId, error });
      });
    }
  }

  const timer =
    deps.everyMs > 0
      ? setInterval(() => {
          running ??= round().finally(() => (running = null));
        }, deps.everyMs)
      : null;
  timer?.unref();
  return {
    round,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

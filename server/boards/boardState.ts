/**
 * A board's content as a Y.Doc or read model, for exports and snapshots: from its live room
 * when loaded (the freshest state, read in the room's queue so it is stored state), else from
 * the stored log. Migrations run on the copy, never stored from here.
 */
import * as Y from 'yjs';
import { migrateDoc } from '../../shared/migrations';
import { readBoard, type BoardReadModel } from '../../shared/readBoard';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';

/** The whole content document of a board as one Yjs update. */
export async function boardState(
  storage: Storage,
  rooms: RoomManager | null,
  boardId: string,
): Promise<Uint8Array> {
  const room = rooms?.peek(boardId);
  if (room && !room.isClosing) {
    try {
      return await room.read((doc) => Y.encodeStateAsUpdate(doc));
    } catch {
      // It began unloading meanwhile; what it stored is in the log.
    }
  }
  const stored = await storage.load(boardId);
  return stored.updates.length === 0 ? new Uint8Array([0, 0]) : Y.mergeUpdates([...stored.updates]);
}

/** A document holding `state`, migrated to the current format (in memory only). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  migrateDoc(doc, { origin: 'migration' });
  return doc;
}

/** The validated read model of `state`. */
export function readState(state: Uint8Array): BoardReadModel {
  const doc = docFromState(state);
  try {
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

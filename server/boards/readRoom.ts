/**
 * Reading a room's document for HTTP work: from the loaded room when there is one (read in its
 * queue, so only stored state), else from the stored log, without loading the room.
 */
import * as Y from 'yjs';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';

/** Runs `read` on the current stored state of room `name` (`rooms` null: the store only, as the CLI reads). */
export async function readRoom<T>(
  storage: Storage,
  rooms: RoomManager | null,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const room = rooms?.peek(name);
  if (room && !room.isClosing) {
    try {
      return await room.read(read);
    } catch {
      // It began unloading meanwhile; what it stored is in the log.
    }
  }
  const stored = await storage.load(name);
  const doc = new Y.Doc();
  try {
    if (stored.updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates([...stored.updates]));
    return read(doc);
  } finally {
    doc.destroy();
  }
}

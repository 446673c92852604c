/**
 * A board's content as a Y.Doc or read model, for exports and snapshots: from its live room
 * when loaded (the freshest state, read in the room's queue so it is stored state), else from
 * the stored log. Migrations run on the copy, never stored from here.
 *
 * A board whose document cannot be read (a format version above this server's, or one that
 * does not migrate; see server/sync/loadProblem.ts) stays exportable: `readableBoard` then
 * answers with the newest of its snapshots that can be read, and says so.
 *
 *   const { board, fallback } = await readableBoard(storage, null, boardId); // the export CLI
 *
 * The HTTP export does the same inside the export service (server/export/exportService.ts),
 * where rendering happens in a worker.
 */
import * as Y from 'yjs';
import { readBoard, type BoardReadModel } from '../../shared/readBoard';
import { HttpError } from '../http/json';
import type { SnapshotInfo, Storage } from '../storage/storage';
import { isLoadProblem, migrateOrExplain, type LoadProblem } from '../sync/loadProblem';
import type { RoomManager } from '../sync/roomManager';
import { readRoom } from './readRoom';

/** Response header naming the snapshot an export was made from when the board itself cannot be read. */
export const SNAPSHOT_HEADER = 'X-Olievlek-Snapshot';
/** Response header saying why the board itself could not be read. */
export const PROBLEM_HEADER = 'X-Olievlek-Problem';

/** A document that cannot be read, as an HTTP answer: 409 (too new) or 422 (does not migrate). */
export class BoardUnreadableError extends HttpError {
  constructor(
    readonly problem: LoadProblem,
    context = '',
  ) {
    super(problem.httpStatus, problem.error, `${context}${problem.reason}`);
  }
}

/** The whole content document of a board as one Yjs update. */
export function boardState(
  storage: Storage,
  rooms: RoomManager | null,
  boardId: string,
): Promise<Uint8Array> {
  return readRoom(storage, rooms, boardId, (doc) => Y.encodeStateAsUpdate(doc));
}

/** A document holding `state`, migrated to the current format (in memory only); throws BoardUnreadableError. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const result = migrateOrExplain(doc, 'migration');
  if (isLoadProblem(result)) {
    doc.destroy();
    throw new BoardUnreadableError(result);
  }
  return doc;
}

/** The validated read model of `state`; throws BoardUnreadableError. */
export function readState(state: Uint8Array): BoardReadModel {
  const doc = docFromState(state);
  try {
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

/** A board's content that can be read, and where it came from. */
export interface ReadableBoard {
  /** The state read (the board's own, or the snapshot's). */
  readonly state: Uint8Array;
  readonly board: BoardReadModel;
  /** Null for the board's own content; else the snapshot served instead, and why. */
  readonly fallback: { readonly snapshot: SnapshotInfo; readonly problem: LoadProblem } | null;
}

/**
 * The board's current content, or, when that cannot be read, its newest snapshot that can.
 * Throws BoardUnreadableError (409 or 422, naming the problem) when none can.
 */
export async function readableBoard(
  storage: Storage,
  rooms: RoomManager | null,
  boardId: string,
): Promise<ReadableBoard> {
  const state = await boardState(storage, rooms, boardId);
  let problem: LoadProblem;
  try {
    return { state, board: readState(state), fallback: null };
  } catch (error) {
    if (!(error instanceof BoardUnreadableError)) throw error;
    problem = error.problem;
  }
  // Newest first; snapshots taken after the board broke hold the same unreadable state.
  const snapshots = [...(await storage.listSnapshots(boardId))].sort((a, b) => b.createdAt - a.createdAt);
  for (const info of snapshots) {
    const found = await storage.getSnapshot(boardId, info.id);
    if (!found) continue;
    try {
      return { state: found.state, board: readState(found.state), fallback: { snapshot: info, problem } };
    } catch (error) {
      if (!(error instanceof BoardUnreadableError)) throw error;
    }
  }
  throw new BoardUnreadableError(problem, 'no snapshot of this board can be read either: ');
}

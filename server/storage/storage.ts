/**
 * Where boards and their documents live. The room manager only talks to this interface, so
 * SQLite (the default), the memory adapter (tests) and PostgreSQL are interchangeable.
 *
 * A document is an append-only log of Yjs updates per room; `compact` replaces a prefix of the
 * log with one merged state. Every method may be asynchronous, so callers never assume the
 * embedded SQLite's synchronous speed.
 */

/** The role a token grants on its board. */
export type Role = 'facilitator' | 'participant' | 'viewer';

/** Every role, most powerful first. */
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer'];

/** A board as stored: never holds a token, only its SHA-256. */
export interface BoardRecord {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly createdAt: number;
  readonly tokenHashes: Readonly<Record<Role, Uint8Array>>;
  /**
   * For the participant and viewer links derived from the facilitator token (tokens.ts), the
   * generation of the current one; absent for a random token (boards created before).
   */
  readonly generations?: Readonly<Partial<Record<'participant' | 'viewer', number>>>;
}

/** A room's stored log: the updates in append order and the sequence number of the last one. */
export interface StoredDoc {
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the newest update (0 for an empty log); pass it to `compact`. */
  readonly lastSeq: number;
}

/** A stored snapshot's listing entry. */
export interface SnapshotInfo {
  readonly id: string;
  readonly boardId: string;
  readonly label: string;
  readonly createdAt: number;
}

/** A snapshot with the board's content state at the time (a Yjs update of the whole document). */
export interface StoredSnapshot extends SnapshotInfo {
  readonly state: Uint8Array;
}

/**
 * One person's dots on one item in one secret vote (DESIGN.md contract 3). Ballots live here,
 * never in a shared document, until the facilitator reveals the vote.
 */
export interface Ballot {
  readonly boardId: string;
  readonly voteId: string;
  readonly userId: string;
  readonly itemId: string;
  readonly dots: number;
}

/** The persistence behind the server. */
export interface Storage {
  /** Stores a new board and the first update of its content document, atomically. */
  createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void>;
  /** The board with this id, or null. */
  getBoard(id: string): Promise<BoardRecord | null>;
  /** Keeps the listed title in step with the document's `meta.title`. */
  updateBoardTitle(id: string, title: string): Promise<void>;
  /** A room's update log (empty for a room never written). */
  load(room: string): Promise<StoredDoc>;
  /** Appends one update to a room's log; resolves once it is durable, with its sequence number. */
  appendUpdate(room: string, update: Uint8Array): Promise<number>;
  /** Replaces every update up to `throughSeq` with `state`, in one transaction. */
  compact(room: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * Replaces the rows of a room's log with `merge` of them, read and written in one
   * transaction; resolves with the merged state's size, or null for an empty log. Instances
   * sharing the store compact with this, since none holds every stored update in memory (one
   * may still be on its way); a single instance compacts its document with `compact`.
   */
  compactStored?(room: string, merge: (updates: readonly Uint8Array[]) => Uint8Array): Promise<number | null>;
  /** The board's snapshots, newest first. */
  listSnapshots(boardId: string): Promise<SnapshotInfo[]>;
  /** Stores a snapshot; resolves once it is durable. */
  createSnapshot(snapshot: StoredSnapshot): Promise<void>;
  /** Deletes one snapshot of a board (automatic ones are kept within a bound). */
  deleteSnapshot(boardId: string, id: string): Promise<void>;
  /** One snapshot of a board with its state, or null (also for another board's snapshot id). */
  getSnapshot(boardId: string, id: string): Promise<StoredSnapshot | null>;
  /** Replaces the token hash of one role (a rotated link) and its generation; false for an unknown board. */
  setTokenHash(boardId: string, role: Role, hash: Uint8Array, generation?: number): Promise<boolean>;
  /** Sets one user's dots on one item in one vote; 0 dots removes the ballot. */
  setBallot(ballot: Ballot): Promise<void>;
  /** Every ballot of one vote, in a stable order (item, then user). */
  listBallots(boardId: string, voteId: string): Promise<Ballot[]>;
  /**
   * Resolves when the store answers a trivial query, rejects otherwise (/readyz). Optional:
   * without it, readiness looks up a board that does not exist instead.
   */
  ping?(): Promise<void>;
  /** Flushes and releases the store; no call may follow. */
  close(): Promise<void>;
}

/** Storage in process memory, for tests: same semantics as the SQLite adapter, no durability. */
import type { Ballot, BoardRecord, Storage, StoredDoc, StoredSnapshot } from './storage';

interface Row {
  readonly seq: number;
  readonly update: Uint8Array;
}

/** A fresh, empty memory store. */
export function createMemoryStorage(): Storage & { readonly rows: (room: string) => number } {
  const boards = new Map<string, BoardRecord>();
  const logs = new Map<string, Row[]>();
  const snapshots: StoredSnapshot[] = [];
  const ballots = new Map<string, Ballot>();
  const ballotKey = (b: Omit<Ballot, 'dots'>) => JSON.stringify([b.boardId, b.voteId, b.itemId, b.userId]);
  let seq = 0;

  const append = (room: string, update: Uint8Array): number => {
    seq += 1;
    // Copied so a caller reusing its buffer cannot change what was "stored".
    const rows = logs.get(room) ?? [];
    rows.push({ seq, update: update.slice() });
    logs.set(room, rows);
    return seq;
  };

  return {
    async createBoard(board, initialUpdate) {
      if (boards.has(board.id)) throw new Error(`board ${board.id} exists`);
      boards.set(board.id, board);
      append(board.id, initialUpdate);
    },
    async getBoard(id) {
      return boards.get(id) ?? null;
    },
    async updateBoardTitle(id, title) {
      const board = boards.get(id);
      if (board) boards.set(id, { ...board, title });
    },
    async load(room): Promise<StoredDoc> {
      const rows = logs.get(room) ?? [];
      return { updates: rows.map((r) => r.update.slice()), lastSeq: rows.at(-1)?.seq ?? 0 };
    },
    async appendUpdate(room, update) {
      return append(room, update);
    },
    async compact(room, state, throughSeq) {
      if (throughSeq <= 0) return;
      // The merged state takes the place (and sequence number) of the prefix it replaces.
      const kept = (logs.get(room) ?? []).filter((r) => r.seq > throughSeq);
      logs.set(room, [{ seq: throughSeq, update: state.slice() }, ...kept]);
    },
    async listSnapshots(boardId) {
      return snapshots
        .filter((s) => s.boardId === boardId)
        .map(({ id, label, createdAt }) => ({ id, boardId, label, createdAt }))
        .reverse()
        .sort((a, b) => b.createdAt - a.createdAt);
    },
    async createSnapshot(snapshot) {
      if (!boards.has(snapshot.boardId)) throw new Error(`board ${snapshot.boardId} does not exist`);
      snapshots.push({ ...snapshot, state: snapshot.state.slice() });
    },
    async deleteSnapshot(boardId, id) {
      const at = snapshots.findIndex((s) => s.boardId === boardId && s.id === id);
      if (at >= 0) snapshots.splice(at, 1);
    },
    async getSnapshot(boardId, id) {
      const found = snapshots.find((s) => s.boardId === boardId && s.id === id);
      return found ? { ...found, state: found.state.slice() } : null;
    },
    async setTokenHash(boardId, role, hash, generation) {
      const board = boards.get(boardId);
      if (!board) return false;
      const generations = { ...board.generations };
      if (role !== 'facilitator') {
        if (generation === undefined) delete generations[role];
        else generations[role] = generation;
      }
      boards.set(boardId, {
        ...board,
        tokenHashes: { ...board.tokenHashes, [role]: hash.slice() },
        generations,
      });
      return true;
    },
    async setBallot(ballot) {
      if (ballot.dots > 0) ballots.set(ballotKey(ballot), { ...ballot });
      else ballots.delete(ballotKey(ballot));
    },
    async listBallots(boardId, voteId) {
      return [...ballots.values()]
        .filter((b) => b.boardId === boardId && b.voteId === voteId)
        .sort((a, b) => compare(a.itemId, b.itemId) || compare(a.userId, b.userId));
    },
    async ping() {},
    async close() {},
    rows: (room) => logs.get(room)?.length ?? 0,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

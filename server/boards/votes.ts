/**
 * Secret dot votes (DESIGN.md contract 3). A ballot travels over HTTP and lives in storage
 * only; no shared document holds it, so until the facilitator reveals the vote no client can
 * see anyone else's dots, not even as a count. On reveal every ballot is written into the
 * content document's `votes` map as one change through the room (stored before relayed).
 *
 * Casts on one board run one after another, so two quick clicks can never both pass the
 * budget check; with several instances, `exclusive` (a lock in Redis) makes that hold across
 * them too, whichever instance each click reaches.
 */
import type { ControlReadModel } from '../../shared/control/readControl';
import { entryMap, getItems, getVotes, voteKey } from '../../shared/ydoc';
import { log } from '../log';
import type { Ballot, Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import { controlState } from './controlState';
import { readRoom } from './readRoom';

/** Why a ballot was refused: no open vote, past the budget, or not an item of the vote's kind. */
export class VoteError extends Error {
  constructor(readonly reason: 'closed' | 'budget' | 'item' | 'busy') {
    super(reason);
  }
}

/** One person's dots in the open vote and what is left of their budget. */
export interface MyVotes {
  readonly mine: Record<string, number>;
  readonly left: number;
}

/** The votes of one server. */
export interface VoteService {
  /** Sets `userId`'s dots on `itemId` in the open vote. */
  cast(boardId: string, ballot: { userId: string; itemId: string; dots: number }): Promise<MyVotes>;
  /** `userId`'s dots in the current vote; with `totals` every item's total (for the facilitator). */
  mine(
    boardId: string,
    userId: string,
    totals: boolean,
  ): Promise<MyVotes & { totals?: Record<string, number> }>;
  /** Writes every ballot of `voteId` into the board's `votes` map; returns how many. */
  reveal(boardId: string, voteId: string): Promise<number>;
}

/** The vote service over a store and the rooms. */
export function createVoteService(
  storage: Storage,
  rooms: RoomManager,
  /** Runs a cast alone among every instance's casts on the board (absent for one instance). */
  exclusive?: <T>(boardId: string, fn: () => Promise<T>) => Promise<T>,
): VoteService {
  const queues = new Map<string, Promise<unknown>>();
  /** Runs `fn` after every earlier cast on the board. */
  const serial = <T>(boardId: string, task: () => Promise<T>): Promise<T> => {
    const fn = exclusive ? () => exclusive(boardId, task) : task;
    const run = (queues.get(boardId) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    queues.set(boardId, tail);
    void tail.then(() => {
      if (queues.get(boardId) === tail) queues.delete(boardId);
    });
    return run;
  };

  const ballotsOf = async (
    boardId: string,
    voting: NonNullable<ControlReadModel['voting']>,
    userId: string,
  ) => {
    const all = await storage.listBallots(boardId, voting.id);
    const mine: Record<string, number> = {};
    for (const b of all) if (b.userId === userId) mine[b.itemId] = b.dots;
    const used = Object.values(mine).reduce((sum, dots) => sum + dots, 0);
    return { all, mine, left: Math.max(0, voting.budget - used) };
  };

  return {
    cast(boardId, { userId, itemId, dots }) {
      return serial(boardId, async () => {
        const { voting } = await controlState(storage, rooms, boardId);
        if (!voting?.open) throw new VoteError('closed');
        const kind = await readRoom(storage, rooms, boardId, (doc) =>
          entryMap(getItems(doc), itemId)?.get('kind'),
        );
        if (kind !== voting.kind) throw new VoteError('item');
        const { mine } = await ballotsOf(boardId, voting, userId);
        const others = Object.entries(mine).reduce((sum, [id, n]) => (id === itemId ? sum : sum + n), 0);
        if (others + dots > voting.budget) throw new VoteError('budget');
        await storage.setBallot({ boardId, voteId: voting.id, userId, itemId, dots });
        if (dots > 0) mine[itemId] = dots;
        else delete mine[itemId];
        return { mine, left: voting.budget - others - dots };
      });
    },
    async mine(boardId, userId, totals) {
      const { voting } = await controlState(storage, rooms, boardId);
      if (!voting) return { mine: {}, left: 0, ...(totals ? { totals: {} } : {}) };
      const { all, mine, left } = await ballotsOf(boardId, voting, userId);
      if (!totals) return { mine, left };
      return { mine, left, totals: sumByItem(all) };
    },
    async reveal(boardId, voteId) {
      const ballots = await storage.listBallots(boardId, voteId);
      await rooms.withRoom(boardId, (room) =>
        room.change((doc) => {
          const votes = getVotes(doc);
          const items = getItems(doc);
          // The board shows one vote's result: the revealed one replaces any earlier result.
          for (const key of [...votes.keys()]) votes.delete(key);
          for (const b of ballots) if (items.has(b.itemId)) votes.set(voteKey(b.itemId, b.userId), b.dots);
        }),
      );
      log('info', 'vote.revealed', { board: boardId, vote: voteId, ballots: ballots.length });
      return ballots.length;
    },
  };
}

function sumByItem(ballots: readonly Ballot[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const b of ballots) totals[b.itemId] = (totals[b.itemId] ?? 0) + b.dots;
  return totals;
}

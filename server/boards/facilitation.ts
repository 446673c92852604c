/**
 * What the server does when the facilitator's control changes are stored: a vote that becomes
 * revealed has its ballots written into the board (votes.ts), and a phase change takes a
 * snapshot named after the phase it ends, so "the board after the harvest" can be exported
 * afterwards. Each control room's last stored state is the baseline of the next comparison;
 * the state a room loads with is a baseline only, so a restart never repeats either; so is a
 * change another instance stored, which that instance reacts to.
 */
import type { ControlReadModel } from '../../shared/control/readControl';
import { log } from '../log';
import type { ControlEvent, Room } from '../sync/room';
import type { SnapshotService } from './snapshots';
import type { VoteService } from './votes';

/** Reacts to stored control changes; give `observe` to the room manager's `onControl`. */
export function createFacilitationWatcher(deps: { votes: VoteService; snapshots: SnapshotService }) {
  const last = new Map<string, ControlReadModel>();

  function react(boardId: string, before: ControlReadModel, now: ControlReadModel): void {
    const vote = now.voting;
    if (vote?.revealed && !(before.voting?.revealed && before.voting.id === vote.id)) {
      deps.votes.reveal(boardId, vote.id).catch((error: unknown) => {
        log('error', 'vote.reveal_failed', { board: boardId, vote: vote.id, error });
      });
    }
    const ended = before.currentPhase;
    if (ended && before.phase !== now.phase) {
      deps.snapshots.takeAuto(boardId, 'phaseEnd', undefined, ended.title).catch((error: unknown) => {
        log('error', 'snapshot.phase_failed', { board: boardId, phase: ended.id, error });
      });
    }
  }

  return {
    /** RoomManagerOptions.onControl. */
    observe(room: Room, event: ControlEvent): void {
      if (event === 'closed') {
        last.delete(room.boardId);
        return;
      }
      const now = room.control?.model;
      if (!now) return;
      const before = last.get(room.boardId);
      last.set(room.boardId, now);
      if (event === 'stored' && before) react(room.boardId, before, now);
    },
  };
}

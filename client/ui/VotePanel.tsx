/**
 * The dot vote panel: the facilitator opens, closes, reveals and ends a vote; a participant sees
 * the dots they have left and places or removes dots on the selected card (buttons, or D and
 * Shift+D); after the reveal everyone sees the ranking. Ballots go over HTTP, never through the
 * shared document, so nobody sees anyone else's dots before the reveal.
 */
import { useEffect } from 'react';
import { itemsById } from '../../shared/readBoard';
import type { EditorSnapshot } from '../editor/editor';
import type { Facilitation, FacilitationSnapshot } from '../editor/facilitation';
import type { Role } from '../sync/connection';
import { isTyping } from './keyboard';
import { d, t, tf, tn } from './strings';
import { UserText } from './UserText';
import { VoteOpenForm } from './VoteOpenForm';
import { VoteRanking } from './VoteRanking';

/** How often the facilitator's panel asks how many dots have been placed. */
const FACILITATOR_POLL_MS = 3000;

interface VotePanelProps {
  facilitation: Facilitation;
  snapshot: FacilitationSnapshot;
  editorSnapshot: EditorSnapshot;
  role: Role;
  onSelect(itemId: string): void;
}

/** The vote panel; shown while there is a vote, and to the facilitator when they open it. */
export function VotePanel({ facilitation, snapshot, editorSnapshot, role, onSelect }: VotePanelProps) {
  const { language, board, selection } = editorSnapshot;
  const { voting } = snapshot.control;
  const { ballot, refusal } = snapshot;
  const facilitator = role === 'facilitator';
  const byId = itemsById(board);
  const selected = selection.length === 1 ? byId.get(selection[0]!) : undefined;
  const target = voting?.open && selected?.kind === voting.kind ? selected : undefined;
  const canVote = role !== 'viewer' && voting?.open === true;

  useEffect(() => {
    if (!canVote || !target) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.toLowerCase() !== 'd') return;
      event.preventDefault();
      void (event.shiftKey ? facilitation.removeDot(target.id) : facilitation.addDot(target.id));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canVote, target, facilitation]);

  // The facilitator's count of dots placed comes from the server; it changes without telling us.
  const polling = facilitator && voting?.open === true;
  useEffect(() => {
    if (!polling) return;
    const id = setInterval(() => void facilitation.refreshBallot(), FACILITATOR_POLL_MS);
    return () => clearInterval(id);
  }, [polling, facilitation]);

  const mineHere = target ? (ballot?.mine[target.id] ?? 0) : 0;
  const placed = ballot?.totals ? Object.values(ballot.totals).reduce((sum, n) => sum + n, 0) : null;

  return (
    <section className="vote-panel" aria-label={t(language, 'vote.panel')}>
      <h2>{t(language, 'vote.panel')}</h2>
      {!voting && facilitator && (
        <VoteOpenForm language={language} onOpen={(budget, kind) => facilitation.openVote(budget, kind)} />
      )}
      {voting && !voting.revealed && <p className="hint">{t(language, 'vote.secret')}</p>}
      {canVote && ballot && (
        <p className="vote-left" role="status">
          {tn(language, 'vote.left', ballot.left)}
        </p>
      )}
      {canVote &&
        (target ? (
          <div className="vote-card">
            <p>
              <UserText text={target.text.trim() || d(language, `kind.${target.kind}` as never)} />
              {' · '}
              {tf(language, 'vote.onCard', { n: mineHere })}
            </p>
            <button type="button" onClick={() => void facilitation.addDot(target.id)}>
              {t(language, 'vote.addDot')}
            </button>
            <button
              type="button"
              disabled={mineHere === 0}
              onClick={() => void facilitation.removeDot(target.id)}
            >
              {t(language, 'vote.removeDot')}
            </button>
          </div>
        ) : (
          <p className="hint">
            {tf(language, 'vote.pick', { kind: d(language, `kind.${voting.kind}` as never) })}
          </p>
        ))}
      {voting && !voting.open && !voting.revealed && <p>{t(language, 'vote.closedWaiting')}</p>}
      {refusal && (
        <p className="vote-refusal" role="alert">
          {t(language, `vote.refused.${refusal}`)}
        </p>
      )}
      {facilitator && placed !== null && voting && !voting.revealed && (
        <p className="hint">{tf(language, 'vote.placed', { n: placed })}</p>
      )}
      {facilitator && voting && (
        <div className="vote-actions">
          {voting.open && (
            <button type="button" onClick={() => facilitation.closeVote()}>
              {t(language, 'vote.close')}
            </button>
          )}
          {!voting.revealed && (
            <button type="button" onClick={() => facilitation.revealVote()}>
              {t(language, 'vote.reveal')}
            </button>
          )}
          <button type="button" onClick={() => facilitation.clearVote()}>
            {t(language, 'vote.clear')}
          </button>
        </div>
      )}
      {voting?.revealed && <VoteRanking board={board} language={language} onSelect={onSelect} />}
    </section>
  );
}

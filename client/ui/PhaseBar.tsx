/**
 * The phase bar everyone sees: the region "Phase" with the current phase's title and prompt,
 * the timer, and for the facilitator the way forward and back, a phase menu and the vote panel's
 * toggle. It renders the live control read model, so a phase change shows as soon as it syncs.
 */
import { isolatePlainText } from '../../shared/bidi';
import type { Language } from '../../shared/ydoc';
import type { Facilitation, FacilitationSnapshot } from '../editor/facilitation';
import { t, tf } from './strings';
import { TimerView } from './TimerView';
import { UserText } from './UserText';

interface PhaseBarProps {
  facilitation: Facilitation;
  snapshot: FacilitationSnapshot;
  language: Language;
  facilitator: boolean;
  voteOpen: boolean;
  onToggleVote(): void;
}

/** The workshop's phase, timer and facilitator controls. */
export function PhaseBar({
  facilitation,
  snapshot,
  language,
  facilitator,
  voteOpen,
  onToggleVote,
}: PhaseBarProps) {
  const { phases, currentPhase, timer } = snapshot.control;
  // A board without a workshop shows participants nothing; the facilitator keeps timer and vote.
  if (!facilitator && phases.length === 0 && !timer) return null;
  const at = currentPhase ? phases.indexOf(currentPhase) : -1;
  return (
    <section className="phase-bar" aria-label={t(language, 'phase.region')}>
      {facilitator && phases.length > 0 && (
        <button
          type="button"
          className="icon-button"
          aria-label={t(language, 'phase.previous')}
          title={t(language, 'phase.previous')}
          disabled={at <= 0}
          onClick={() => facilitation.previousPhase()}
        >
          ‹
        </button>
      )}
      {currentPhase && (
        <div className="phase-text">
          <span className="phase-count">{tf(language, 'phase.of', { n: at + 1, m: phases.length })}</span>
          <h2 className="phase-title">
            <UserText text={currentPhase.title} />
          </h2>
          <p className="phase-prompt" title={currentPhase.prompt}>
            <UserText text={currentPhase.prompt} />
          </p>
        </div>
      )}
      {facilitator && phases.length > 0 && (
        <>
          <button
            type="button"
            className="icon-button"
            aria-label={t(language, 'phase.next')}
            title={t(language, 'phase.next')}
            disabled={at >= phases.length - 1}
            onClick={() => facilitation.nextPhase()}
          >
            ›
          </button>
          <select
            className="phase-menu"
            aria-label={t(language, 'phase.menu')}
            value={currentPhase?.id ?? ''}
            onChange={(event) => facilitation.goToPhase(event.target.value)}
          >
            {!currentPhase && <option value="">—</option>}
            {phases.map((phase, i) => (
              <option key={phase.id} value={phase.id}>
                {`${i + 1}. ${isolatePlainText(phase.title)}`}
              </option>
            ))}
          </select>
        </>
      )}
      <div className="spacer" />
      <TimerView
        facilitation={facilitation}
        snapshot={snapshot}
        language={language}
        facilitator={facilitator}
      />
      {facilitator && (
        <button type="button" aria-pressed={voteOpen} onClick={onToggleVote}>
          {t(language, 'vote.toggle')}
        </button>
      )}
    </section>
  );
}

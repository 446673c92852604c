/**
 * The workshop timer everyone sees (role `timer`, `m:ss`), counted from the server's clock so
 * every screen agrees; it turns red and says so when time is up, with an optional chime. The
 * facilitator also gets its controls.
 */
import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../../shared/control/timer';
import type { Language } from '../../shared/ydoc';
import type { Facilitation, FacilitationSnapshot } from '../editor/facilitation';
import { playChime } from './chime';
import { t } from './strings';
import { useTick } from './useFacilitation';

interface TimerViewProps {
  facilitation: Facilitation;
  snapshot: FacilitationSnapshot;
  language: Language;
  facilitator: boolean;
}

/** The timer and, for the facilitator, its controls. */
export function TimerView({ facilitation, snapshot, language, facilitator }: TimerViewProps) {
  const { timer, currentPhase } = snapshot.control;
  useTick(timer?.running === true);
  const left = facilitation.timeLeftMs();
  const ended = timer?.running === true && left === 0;
  const [chime, setChime] = useState(false);
  const [minutes, setMinutes] = useState('');
  const wasEnded = useRef(ended);
  useEffect(() => {
    if (ended && !wasEnded.current && chime) playChime();
    wasEnded.current = ended;
  }, [ended, chime]);

  // Until the server's clock is known, a running timer would show this device's idea of it.
  const clock = left === null ? null : timer?.running && !snapshot.clockKnown ? '–:––' : formatClock(left);
  const chosen = Number(minutes.replace(',', '.'));
  const startMs = minutes.trim() && chosen > 0 ? chosen * 60_000 : undefined;

  return (
    <div className={`timer${ended ? ' timer-ended' : ''}`}>
      {clock !== null && (
        <span className="timer-clock" role="timer" aria-label={t(language, 'timer.label')}>
          {clock}
        </span>
      )}
      {ended && (
        <span className="timer-up" role="status">
          {t(language, 'timer.up')}
        </span>
      )}
      {timer && !timer.running && <span className="timer-paused">{t(language, 'timer.paused')}</span>}
      {timer && (
        <button
          type="button"
          className="icon-button"
          aria-pressed={chime}
          aria-label={t(language, 'timer.chime')}
          title={t(language, 'timer.chime')}
          onClick={() => setChime((on) => !on)}
        >
          <BellIcon on={chime} />
        </button>
      )}
      {facilitator && (
        <div className="timer-controls">
          <input
            type="number"
            min="1"
            max="1440"
            inputMode="decimal"
            aria-label={t(language, 'timer.minutes')}
            placeholder={currentPhase ? String(currentPhase.minutes) : '5'}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t(language, 'timer.start')}
            title={t(language, 'timer.start')}
            disabled={!startMs && !currentPhase}
            onClick={() => facilitation.startTimer(startMs)}
          >
            ▶
          </button>
          {timer?.running && (
            <button
              type="button"
              className="icon-button"
              aria-label={t(language, 'timer.pause')}
              title={t(language, 'timer.pause')}
              onClick={() => facilitation.pauseTimer()}
            >
              ❚❚
            </button>
          )}
          {timer && !timer.running && (
            <button
              type="button"
              className="icon-button"
              aria-label={t(language, 'timer.resume')}
              title={t(language, 'timer.resume')}
              onClick={() => facilitation.resumeTimer()}
            >
              ▶
            </button>
          )}
          {timer && (
            <button
              type="button"
              className="icon-button"
              title={t(language, 'timer.addMinute')}
              aria-label={t(language, 'timer.addMinute')}
              onClick={() => facilitation.addMinute()}
            >
              +1
            </button>
          )}
          {timer && (
            <button
              type="button"
              className="icon-button"
              aria-label={t(language, 'timer.reset')}
              title={t(language, 'timer.reset')}
              onClick={() => facilitation.resetTimer()}
            >
              ↺
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A bell, struck through while the chime is off. */
function BellIcon({ on }: { on: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        d="M12 3a5 5 0 0 0-5 5v4l-2 4h14l-2-4V8a5 5 0 0 0-5-5zM10 18a2 2 0 0 0 4 0"
        fill={on ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      {!on && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
    </svg>
  );
}

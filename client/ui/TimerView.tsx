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
          {chime ? '🔔' : '🔕'}
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
            disabled={!startMs && !currentPhase}
            onClick={() => facilitation.startTimer(startMs)}
          >
            {t(language, 'timer.start')}
          </button>
          {timer?.running && (
            <button type="button" onClick={() => facilitation.pauseTimer()}>
              {t(language, 'timer.pause')}
            </button>
          )}
          {timer && !timer.running && (
            <button type="button" onClick={() => facilitation.resumeTimer()}>
              {t(language, 'timer.resume')}
            </button>
          )}
          {timer && (
            <button
              type="button"
              aria-label={t(language, 'timer.addMinute')}
              onClick={() => facilitation.addMinute()}
            >
              +1
            </button>
          )}
          {timer && (
            <button type="button" onClick={() => facilitation.resetTimer()}>
              {t(language, 'timer.reset')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

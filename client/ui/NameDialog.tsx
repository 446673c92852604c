/** Asked once per device: the name others see next to your cursor. */
import { useState, type FormEvent } from 'react';
import type { Language } from '../../shared/ydoc';
import { MAX_NAME_LENGTH } from '../sync/presence';
import { t } from './strings';

/** The name prompt shown on first join. */
export function NameDialog({ language, onChoose }: { language: Language; onChoose(name: string): void }) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onChoose(name);
  };
  return (
    <div className="backdrop">
      <form
        className="dialog name-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-title"
        onSubmit={submit}
      >
        <h2 id="name-title">{t(language, 'presence.welcome')}</h2>
        <label className="field">
          <span>{t(language, 'presence.name')}</span>
          <input
            autoFocus
            value={name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="nickname"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <p className="hint">{t(language, 'presence.nameHint')}</p>
        <button type="submit" disabled={!name.trim()}>
          {t(language, 'presence.join')}
        </button>
      </form>
    </div>
  );
}

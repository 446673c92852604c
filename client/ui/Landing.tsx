/** The front page: what Olievlek is, and a form that creates a board and hands out its three links. */
import { useState, type FormEvent } from 'react';
import { kindLabel } from '../../shared/i18n';
import { MAX_TITLE_LENGTH, type Language } from '../../shared/ydoc';
import { createdBoard, type CreatedBoard } from './boardFiles';
import { ImportBoard, importProblems } from './ImportBoard';
import { t } from './strings';
import { UserText } from './UserText';
import { stripBidiControls } from '../../shared/bidi';
import { TEMPLATE_DESCRIPTIONS } from '../../shared/control/templates';
import { TEMPLATES, type Template } from '../../shared/control/fields';
import { rememberLinks } from './shareLinks';
import { ts } from './shareStrings';

const ROLES = ['facilitator', 'participant', 'viewer'] as const;

/** The landing page. */
export function Landing({ language: initial }: { language: Language }) {
  const [language, setLanguage] = useState<Language>(initial);
  const [title, setTitle] = useState('');
  const [boardLanguage, setBoardLanguage] = useState<Language>(initial);
  const [template, setTemplate] = useState<Template>('blank');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: title.trim() || t(boardLanguage, 'landing.titlePlaceholder'),
          language: boardLanguage,
          template,
        }),
      });
      const board = await createdBoard(response);
      // The share panel falls back on these when the server does not hand them out again.
      rememberLinks(board.id, board.urls);
      setCreated(board);
    } catch (failure) {
      setError(`${t(language, 'landing.failed')}: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (role: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(role);
    } catch {
      setCopied(null);
    }
  };

  return (
    <main className="front" lang={language}>
      <div className="front-head">
        <h1>Olievlek</h1>
        <button
          type="button"
          className="secondary"
          lang={language === 'nl' ? 'en' : 'nl'}
          onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
        >
          {t(language, 'action.language')}
        </button>
      </div>
      <p className="lead">{t(language, 'app.tagline')}</p>
      <ul className="kinds" aria-hidden="true">
        {(['ambition', 'smallWin', 'boundary'] as const).map((kind) => (
          <li key={kind} className={`kind kind-${kind}`}>
            {kindLabel(language, kind)}
          </li>
        ))}
      </ul>
      {!created ? (
        <form className="create" onSubmit={submit}>
          <h2>{t(language, 'landing.create')}</h2>
          <label className="field">
            <span>{t(language, 'landing.title')}</span>
            <input
              value={title}
              maxLength={MAX_TITLE_LENGTH}
              placeholder={t(language, 'landing.titlePlaceholder')}
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
          <label className="field">
            <span>{t(language, 'landing.language')}</span>
            <select
              value={boardLanguage}
              onChange={(event) => setBoardLanguage(event.target.value as Language)}
            >
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </select>
          </label>
          <fieldset className="field templates">
            <legend>{ts(language, 'landing.template')}</legend>
            {TEMPLATES.map((name) => (
              <label key={name} className="template-choice">
                <input
                  type="radio"
                  name="template"
                  value={name}
                  checked={template === name}
                  onChange={() => setTemplate(name)}
                />
                <span>
                  <strong>{TEMPLATE_DESCRIPTIONS[name].title[language]}</strong>
                  <small>{TEMPLATE_DESCRIPTIONS[name].description[language]}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={busy}>
            {busy ? t(language, 'landing.creating') : t(language, 'landing.submit')}
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      ) : null}
      {!created && <ImportBoard language={language} onImported={setCreated} />}
      {created && (
        <section className="created" aria-label={stripBidiControls(created.title)}>
          <h2>
            <UserText text={created.title} />
          </h2>
          <p>{t(language, 'landing.created')}</p>
          {importProblems(language, created) && <p role="status">{importProblems(language, created)}</p>}
          <dl className="links">
            {ROLES.map((role) => (
              <div key={role} className="link-row">
                <dt>
                  {t(language, `landing.${role}`)} <small>{t(language, `landing.${role}Hint`)}</small>
                </dt>
                <dd>
                  <input
                    readOnly
                    value={created.urls[role]}
                    aria-label={t(language, `landing.${role}`)}
                    onFocus={(event) => event.target.select()}
                  />
                  <button
                    type="button"
                    aria-label={`${t(language, 'landing.copy')}: ${t(language, `landing.${role}`)}`}
                    onClick={() => void copy(role, created.urls[role])}
                  >
                    {copied === role ? t(language, 'landing.copied') : t(language, 'landing.copy')}
                  </button>
                </dd>
              </div>
            ))}
          </dl>
          <a className="button" href={created.urls.facilitator}>
            {t(language, 'landing.open')}
          </a>
        </section>
      )}
    </main>
  );
}

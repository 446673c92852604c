/** Choosing the kind of a new link when more than one fits (a win to a win: spreads, broadens, …). */
import { useState } from 'react';
import { linkLabel } from '../../shared/i18n';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { t } from './strings';

/** The kind chooser, shown while a link waits for its kind. */
export function LinkPicker({ editor, snapshot }: { editor: Editor; snapshot: EditorSnapshot }) {
  const [label, setLabel] = useState('');
  const pending = snapshot.pendingLink;
  if (!pending) return null;
  const { language } = snapshot;
  return (
    <div
      className="dialog link-picker"
      role="dialog"
      aria-modal="false"
      aria-label={t(language, 'link.choose')}
    >
      <h2>{t(language, 'link.choose')}</h2>
      <div className="choices">
        {pending.kinds.map((kind, i) => (
          <button
            key={kind}
            type="button"
            className={`choice link-${kind}`}
            autoFocus={i === 0}
            onClick={() => {
              editor.link(pending.from, pending.to, kind, label.trim());
              setLabel('');
            }}
          >
            {linkLabel(language, kind)}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t(language, 'link.label')}</span>
        <input value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
      </label>
      <button type="button" className="secondary" onClick={() => editor.cancelPendingLink()}>
        {t(language, 'link.cancel')}
      </button>
    </div>
  );
}

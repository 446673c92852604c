/**
 * Linking without a pointer: from the selected item, pick a target from a list and a kind.
 * Opened with L (or the Link button pressed from the keyboard) while one item is selected.
 */
import { useMemo, useState } from 'react';
import { kindLabel, linkLabel } from '../../shared/i18n';
import { allowedLinkKinds, type LinkKind } from '../../shared/links/registry';
import { itemsById } from '../../shared/readBoard';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { t } from './strings';
import { UserText } from './UserText';
import { stripBidiControls } from '../../shared/bidi';

/** The keyboard link dialog. */
export function LinkDialog({
  editor,
  snapshot,
  onClose,
}: {
  editor: Editor;
  snapshot: EditorSnapshot;
  onClose(): void;
}) {
  const { board, language } = snapshot;
  const source = itemsById(board).get(snapshot.selection[0] ?? '');
  // Every item this one can link to, in either direction the domain allows.
  const targets = useMemo(
    () =>
      source
        ? board.items
            .filter((item) => item.id !== source.id)
            .map((item) => ({
              item,
              kinds: allowedLinkKinds(source.kind, item.kind),
              reverse: allowedLinkKinds(item.kind, source.kind),
            }))
            .filter(({ kinds, reverse }) => kinds.length > 0 || reverse.length > 0)
        : [],
    [board.items, source],
  );
  const [targetId, setTargetId] = useState(targets[0]?.item.id ?? '');
  const target = targets.find((entry) => entry.item.id === targetId) ?? targets[0];
  const options = target ? (target.kinds.length ? target.kinds : target.reverse) : [];
  const [kind, setKind] = useState<LinkKind | ''>('');
  const [label, setLabel] = useState('');
  if (!source) return null;
  const chosen = options.includes(kind as LinkKind) ? (kind as LinkKind) : options[0];
  const submit = () => {
    if (!target || !chosen) return;
    if (target.kinds.length) editor.link(source.id, target.item.id, chosen, label.trim());
    else editor.link(target.item.id, source.id, chosen, label.trim());
    onClose();
  };
  const name = (text: string, k: Parameters<typeof kindLabel>[1]) =>
    `${kindLabel(language, k)}: ${text.trim() || t(language, 'outline.untitled')}`;
  return (
    <div
      className="dialog link-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={`${t(language, 'link.dialogTitle')} ${stripBidiControls(name(source.text, source.kind))}`}
    >
      <h2>
        {t(language, 'link.dialogTitle')}{' '}
        <q>
          <UserText text={source.text.trim() || kindLabel(language, source.kind)} />
        </q>
      </h2>
      {targets.length === 0 ? (
        <p>{t(language, 'link.none')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label className="field">
            <span>{t(language, 'link.target')}</span>
            <select autoFocus value={target?.item.id} onChange={(event) => setTargetId(event.target.value)}>
              {targets.map(({ item }) => (
                <option key={item.id} value={item.id}>
                  {stripBidiControls(name(item.text, item.kind))}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t(language, 'inspector.linkKind')}</span>
            <select value={chosen} onChange={(event) => setKind(event.target.value as LinkKind)}>
              {options.map((k) => (
                <option key={k} value={k}>
                  {linkLabel(language, k)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t(language, 'link.label')}</span>
            <input value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
          </label>
          <div className="actions">
            <button type="submit">{t(language, 'link.create')}</button>
            <button type="button" className="secondary" onClick={onClose}>
              {t(language, 'link.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Inspector field controls the kinds' fields share: a labelled select and a plain text field. */
import type { LabelKey } from '../../shared/i18n';
import type { BoardItem } from '../../shared/schema';
import type { Language } from '../../shared/ydoc';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { d, t } from '../ui/strings';

/** A labelled select over fixed options, each named by its label `${prefix}.${option}`. */
export function SelectField({
  name,
  value,
  options,
  prefix,
  language,
  readOnly,
  onChange,
}: {
  name: string;
  value: string;
  options: readonly string[];
  prefix: string;
  language: Language;
  readOnly: boolean;
  onChange(value: string): void;
}) {
  return (
    <label className="field">
      <span>{name}</span>
      <select value={value} disabled={readOnly} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {d(language, `${prefix}.${option}` as LabelKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A plain text field for items whose text is not edited in place (a marker's note). */
export function TextField({
  editor,
  item,
  snapshot,
}: {
  editor: Editor;
  item: BoardItem;
  snapshot: EditorSnapshot;
}) {
  return (
    <label className="field">
      <span>{t(snapshot.language, 'inspector.text')}</span>
      <input
        value={item.text}
        disabled={snapshot.readOnly}
        maxLength={200}
        onChange={(event) => editor.setText(item.id, event.target.value)}
      />
    </label>
  );
}

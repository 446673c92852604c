/** The inspector: every kind-specific field of the selected item, or the selected link's kind and label. */
import { allowedLinkKinds } from '../../shared/links/registry';
import { kindLabel, linkLabel } from '../../shared/i18n';
import { itemsById } from '../../shared/readBoard';
import type { BoardItem } from '../../shared/schema';
import { createElement, type ReactNode } from 'react';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { kindFields } from '../kinds/registry';
import { t } from './strings';
import { UserText } from './UserText';

interface Props {
  editor: Editor;
  snapshot: EditorSnapshot;
  /** Shown under the selection's actions (the item lock). */
  extra?: ReactNode;
}

/** The details panel for the current selection; nothing when nothing is selected. */
export function Inspector({ editor, snapshot, extra }: Props) {
  const { board, selection, selectedLink, language } = snapshot;
  const byId = itemsById(board);
  if (selectedLink) return <LinkInspector editor={editor} snapshot={snapshot} />;
  if (selection.length === 0) return null;
  if (selection.length > 1) {
    return (
      <section className="panel inspector" aria-label={t(language, 'inspector.title')}>
        <h2>
          {selection.length} {t(language, 'inspector.selected')}
        </h2>
        <SelectionActions editor={editor} snapshot={snapshot} />
        {extra}
      </section>
    );
  }
  const item = byId.get(selection[0] ?? '');
  if (!item) return null;
  return (
    <section className="panel inspector" aria-label={t(language, 'inspector.title')}>
      <h2>{kindLabel(language, item.kind)}</h2>
      <ItemFields editor={editor} item={item} snapshot={snapshot} />
      <SelectionActions editor={editor} snapshot={snapshot} />
      {extra}
    </section>
  );
}

function ItemFields({
  editor,
  item,
  snapshot,
}: {
  editor: Editor;
  item: BoardItem;
  snapshot: EditorSnapshot;
}) {
  const fields = kindFields(item.kind);
  // Each kind's fields component is a module constant of its client file, not made during render.
  return fields
    ? createElement(fields, { item, editor, snapshot, set: (patch) => editor.updateItem(item.id, patch) })
    : null;
}

function SelectionActions({ editor, snapshot }: Props) {
  const { language, readOnly } = snapshot;
  if (readOnly) return null;
  return (
    <div className="actions">
      <button type="button" onClick={() => editor.duplicateSelection()}>
        {t(language, 'action.duplicate')}
      </button>
      <button type="button" onClick={() => editor.bringToFront()}>
        {t(language, 'action.front')}
      </button>
      <button type="button" onClick={() => editor.sendToBack()}>
        {t(language, 'action.back')}
      </button>
      <button type="button" className="danger" onClick={() => editor.deleteSelection()}>
        {t(language, 'action.delete')}
      </button>
    </div>
  );
}

function LinkInspector({ editor, snapshot }: Props) {
  const { board, selectedLink, language, readOnly } = snapshot;
  const link = board.links.find((l) => l.id === selectedLink);
  const byId = itemsById(board);
  const from = link && byId.get(link.from);
  const to = link && byId.get(link.to);
  if (!link || !from || !to) return null;
  return (
    <section className="panel inspector" aria-label={t(language, 'inspector.title')}>
      <h2>{t(language, 'inspector.link')}</h2>
      <p className="link-ends">
        <UserText text={from.text || kindLabel(language, from.kind)} /> →{' '}
        <UserText text={to.text || kindLabel(language, to.kind)} />
      </p>
      <label className="field">
        <span>{t(language, 'inspector.linkKind')}</span>
        <select
          value={link.kind}
          disabled={readOnly}
          onChange={(event) => editor.updateLink(link.id, { kind: event.target.value as never })}
        >
          {allowedLinkKinds(from.kind, to.kind).map((kind) => (
            <option key={kind} value={kind}>
              {linkLabel(language, kind)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t(language, 'inspector.linkLabel')}</span>
        <input
          value={link.label ?? ''}
          maxLength={200}
          disabled={readOnly}
          onChange={(event) => editor.updateLink(link.id, { label: event.target.value || null })}
        />
      </label>
      {!readOnly && (
        <div className="actions">
          <button type="button" className="danger" onClick={() => editor.deleteSelection()}>
            {t(language, 'action.delete')}
          </button>
        </div>
      )}
    </section>
  );
}

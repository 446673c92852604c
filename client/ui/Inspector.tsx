/** The inspector: every kind-specific field of the selected item, or the selected link's kind and label. */
import { allowedLinkKinds } from '../../shared/links/registry';
import { kindLabel, linkLabel } from '../../shared/i18n';
import { ACTOR_SPHERES } from '../../shared/kinds/actor';
import { BOUNDARY_DIMENSIONS, BOUNDARY_TYPES } from '../../shared/kinds/boundary';
import { INTERVENTION_ADVICE } from '../../shared/kinds/intervention';
import { SMALL_WIN_STATUSES } from '../../shared/kinds/smallWin';
import { MECHANISMS, type Mechanism } from '../../shared/mechanisms';
import { itemsById } from '../../shared/readBoard';
import type { BoardItem } from '../../shared/schema';
import type { ReactNode } from 'react';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { d, t } from './strings';
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
  const { language, readOnly } = snapshot;
  const set = (patch: Record<string, unknown>) => editor.updateItem(item.id, patch);
  const select = (
    name: string,
    value: string,
    options: readonly string[],
    prefix: string,
    onChange: (v: string) => void,
  ) => (
    <label className="field">
      <span>{name}</span>
      <select value={value} disabled={readOnly} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {d(language, `${prefix}.${option}` as never)}
          </option>
        ))}
      </select>
    </label>
  );
  switch (item.kind) {
    case 'ambition':
      return (
        <label className="field">
          <span>{t(language, 'inspector.horizon')}</span>
          <input
            value={item.horizon ?? ''}
            maxLength={100}
            disabled={readOnly}
            placeholder="2050"
            onChange={(event) => set({ horizon: event.target.value || undefined })}
          />
        </label>
      );
    case 'smallWin':
      return (
        <>
          {select(t(language, 'inspector.status'), item.status, SMALL_WIN_STATUSES, 'status', (status) =>
            set({ status }),
          )}
          <fieldset className="field mechanisms" disabled={readOnly}>
            <legend>{t(language, 'inspector.mechanisms')}</legend>
            {MECHANISMS.map((mechanism) => (
              <label key={mechanism} className="check">
                <input
                  type="checkbox"
                  checked={item.mechanisms.includes(mechanism)}
                  onChange={(event) => {
                    const next: Mechanism[] = event.target.checked
                      ? [...item.mechanisms, mechanism]
                      : item.mechanisms.filter((m) => m !== mechanism);
                    set({ mechanisms: MECHANISMS.filter((m) => next.includes(m)) });
                  }}
                />
                {d(language, `mechanism.${mechanism}`)}
              </label>
            ))}
          </fieldset>
        </>
      );
    case 'boundary':
      return (
        <>
          {select(
            t(language, 'inspector.boundaryType'),
            item.boundaryType,
            BOUNDARY_TYPES,
            'boundaryType',
            (boundaryType) => set({ boundaryType }),
          )}
          <p className="hint">{d(language, `boundaryType.${item.boundaryType}.hint`)}</p>
          {select(
            t(language, 'inspector.dimension'),
            item.dimension,
            BOUNDARY_DIMENSIONS,
            'dimension',
            (dimension) => set({ dimension }),
          )}
          <TextField editor={editor} item={item} snapshot={snapshot} />
        </>
      );
    case 'actor':
      return select(t(language, 'inspector.sphere'), item.sphere, ACTOR_SPHERES, 'sphere', (sphere) =>
        set({ sphere }),
      );
    case 'intervention':
      return (
        <>
          {select(t(language, 'inspector.mechanism'), item.mechanism, MECHANISMS, 'mechanism', (mechanism) =>
            set({ mechanism }),
          )}
          {select(t(language, 'inspector.advice'), item.advice, INTERVENTION_ADVICE, 'advice', (advice) =>
            set({ advice }),
          )}
          <p className="hint">{d(language, `mechanism.${item.mechanism}.${item.advice}`)}</p>
        </>
      );
    default:
      return null;
  }
}

/** A plain text field for items whose text is not edited in place (a marker's note). */
function TextField({
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

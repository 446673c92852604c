/** The ambition's client parts: its horizon field and its target icon. */
import type { Ambition } from '../../shared/kinds/ambition';
import { t } from '../ui/strings';
import type { ClientKind, KindFieldsProps } from './clientKind';

function AmbitionFields({ item, snapshot, set }: KindFieldsProps<Ambition>) {
  return (
    <label className="field">
      <span>{t(snapshot.language, 'inspector.horizon')}</span>
      <input
        value={item.horizon ?? ''}
        maxLength={100}
        disabled={snapshot.readOnly}
        placeholder="2050"
        onChange={(event) => set({ horizon: event.target.value || undefined })}
      />
    </label>
  );
}

/** The ambition in the client. */
export const ambitionClient: ClientKind<'ambition'> = {
  kind: 'ambition',
  Fields: AmbitionFields,
  icon: (
    <>
      <circle cx="12" cy="12" r="8" fill="none" stroke="#1f4e8c" strokeWidth="2.5" />
      <circle cx="12" cy="12" r="3.5" fill="#1f4e8c" />
    </>
  ),
  shortcut: 'a',
  toolbarOrder: 1,
};

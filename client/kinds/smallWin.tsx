/** The small win's client parts: its status and mechanisms, and its card icon. */
import { SMALL_WIN_STATUSES, type SmallWin } from '../../shared/kinds/smallWin';
import { MECHANISMS, type Mechanism } from '../../shared/mechanisms';
import { d, t } from '../ui/strings';
import type { ClientKind, KindFieldsProps } from './clientKind';
import { SelectField } from './fields';

function SmallWinFields({ item, snapshot, set }: KindFieldsProps<SmallWin>) {
  const { language, readOnly } = snapshot;
  return (
    <>
      <SelectField
        name={t(language, 'inspector.status')}
        value={item.status}
        options={SMALL_WIN_STATUSES}
        prefix="status"
        language={language}
        readOnly={readOnly}
        onChange={(status) => set({ status })}
      />
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
}

/** The small win in the client. */
export const smallWinClient: ClientKind<'smallWin'> = {
  kind: 'smallWin',
  Fields: SmallWinFields,
  icon: (
    <>
      <rect x="4" y="6" width="16" height="12" rx="2" fill="#fff" stroke="#2e8b57" strokeWidth="2" />
      <rect x="4" y="6" width="4" height="12" rx="1" fill="#2e8b57" />
    </>
  ),
  shortcut: 'w',
  toolbarOrder: 2,
};

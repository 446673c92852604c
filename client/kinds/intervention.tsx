/** The intervention's client parts: its mechanism and advice with the deck's hint, and its tag icon. */
import { INTERVENTION_ADVICE, type Intervention } from '../../shared/kinds/intervention';
import { MECHANISMS } from '../../shared/mechanisms';
import { d, t } from '../ui/strings';
import type { ClientKind, KindFieldsProps } from './clientKind';
import { SelectField } from './fields';

function InterventionFields({ item, snapshot, set }: KindFieldsProps<Intervention>) {
  const { language, readOnly } = snapshot;
  return (
    <>
      <SelectField
        name={t(language, 'inspector.mechanism')}
        value={item.mechanism}
        options={MECHANISMS}
        prefix="mechanism"
        language={language}
        readOnly={readOnly}
        onChange={(mechanism) => set({ mechanism })}
      />
      <SelectField
        name={t(language, 'inspector.advice')}
        value={item.advice}
        options={INTERVENTION_ADVICE}
        prefix="advice"
        language={language}
        readOnly={readOnly}
        onChange={(advice) => set({ advice })}
      />
      <p className="hint">{d(language, `mechanism.${item.mechanism}.${item.advice}`)}</p>
    </>
  );
}

/** The intervention in the client. */
export const interventionClient: ClientKind<'intervention'> = {
  kind: 'intervention',
  Fields: InterventionFields,
  icon: (
    <>
      <rect x="3" y="7" width="18" height="10" rx="5" fill="#2e8b57" />
      <path d="M8 12h8M13 9l3 3-3 3" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />
    </>
  ),
  shortcut: 'i',
  toolbarOrder: 5,
};

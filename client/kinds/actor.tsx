/** The actor's client parts: its sphere, and its person icon. */
import { ACTOR_SPHERES, type Actor } from '../../shared/kinds/actor';
import { t } from '../ui/strings';
import type { ClientKind, KindFieldsProps } from './clientKind';
import { SelectField } from './fields';

function ActorFields({ item, snapshot, set }: KindFieldsProps<Actor>) {
  return (
    <SelectField
      name={t(snapshot.language, 'inspector.sphere')}
      value={item.sphere}
      options={ACTOR_SPHERES}
      prefix="sphere"
      language={snapshot.language}
      readOnly={snapshot.readOnly}
      onChange={(sphere) => set({ sphere })}
    />
  );
}

/** The actor in the client. */
export const actorClient: ClientKind<'actor'> = {
  kind: 'actor',
  Fields: ActorFields,
  icon: (
    <>
      <circle cx="12" cy="8" r="3.5" fill="#0b6e75" />
      <path d="M5 20c0-4 3-6 7-6s7 2 7 6z" fill="#0b6e75" />
    </>
  ),
  shortcut: 'r',
  toolbarOrder: 4,
};

/** The note's client parts: no fields of its own, a sticky icon. */
import type { ClientKind } from './clientKind';

/** The note in the client. */
export const noteClient: ClientKind<'note'> = {
  kind: 'note',
  Fields: null,
  icon: (
    <>
      <path d="M5 4h14v11l-5 5H5z" fill="#fff3a6" stroke="#c9b23c" strokeWidth="1.5" />
      <path d="M14 20v-5h5" fill="#e6d36a" />
    </>
  ),
  shortcut: 'n',
  toolbarOrder: 6,
};

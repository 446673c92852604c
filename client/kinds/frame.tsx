/** The frame's client parts: no fields of its own (its title is its text), a dashed-area icon. */
import type { ClientKind } from './clientKind';

/** The frame in the client. */
export const frameClient: ClientKind<'frame'> = {
  kind: 'frame',
  Fields: null,
  icon: (
    <rect
      x="3"
      y="5"
      width="18"
      height="14"
      rx="3"
      fill="rgba(11,110,117,.12)"
      stroke="#0b6e75"
      strokeWidth="2"
      strokeDasharray="3 2"
    />
  ),
  shortcut: 'f',
  toolbarOrder: 7,
};

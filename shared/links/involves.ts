/** involves (betrekt): who takes part in a small win; feeds boundary work between spheres. */
import { defineLinkKind } from './linkKind';

/** A small win involves an actor; not part of a win's path. */
export const involvesLink = defineLinkKind({
  kind: 'involves',
  from: ['smallWin'],
  to: ['actor'],
  onPath: false,
});

/** propels (jaagt aan): an intervention works on a small win through its mechanism. */
import { defineLinkKind } from './linkKind';

/** An intervention propels a small win; not part of a win's path. */
export const propelsLink = defineLinkKind({
  kind: 'propels',
  from: ['intervention'],
  to: ['smallWin'],
  onPath: false,
});

/** enables (maakt mogelijk): one win makes another possible without being the same practice. */
import { defineLinkKind } from './linkKind';

/** A small win enables another small win. */
export const enablesLink = defineLinkKind({
  kind: 'enables',
  from: ['smallWin'],
  to: ['smallWin'],
  onPath: true,
});

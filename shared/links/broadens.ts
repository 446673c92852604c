/** broadens to (verbreedt naar): the practice reaches another domain. */
import { defineLinkKind } from './linkKind';

/** A small win broadens to another small win. */
export const broadensLink = defineLinkKind({
  kind: 'broadens',
  from: ['smallWin'],
  to: ['smallWin'],
  onPath: true,
});

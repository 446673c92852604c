/** deepens into (verdiept tot): the practice lands in values, routines or law. */
import { defineLinkKind } from './linkKind';

/** A small win deepens into another small win. */
export const deepensLink = defineLinkKind({
  kind: 'deepens',
  from: ['smallWin'],
  to: ['smallWin'],
  onPath: true,
});

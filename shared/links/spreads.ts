/** spreads to (verspreidt naar): the same practice in more places — the oil slick itself. */
import { defineLinkKind } from './linkKind';

/** A small win spreads to another small win. */
export const spreadsLink = defineLinkKind({
  kind: 'spreads',
  from: ['smallWin'],
  to: ['smallWin'],
  onPath: true,
});

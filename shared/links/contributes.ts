/** contributes to (draagt bij aan): the last step of every path, from a small win to an ambition. */
import { defineLinkKind } from './linkKind';

/** A small win contributes to an ambition. */
export const contributesLink = defineLinkKind({
  kind: 'contributes',
  from: ['smallWin'],
  to: ['ambition'],
  onPath: true,
});

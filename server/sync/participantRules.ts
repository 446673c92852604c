/**
 * What a participant may not change in a board's content document, beyond what contentRules.ts
 * asks of everyone: items the facilitator locked (their fields, their text, their removal) and
 * the `votes` map, which only the server writes when the facilitator reveals a vote
 * (DESIGN.md contract 3: ballots stay secret until then, so none may arrive through the
 * document either).
 */
import * as Y from 'yjs';
import { ROOT } from '../../shared/ydoc';
import type { Refusal } from './contentRules';

/** Any shared type, as Yjs types them. */
type Shared = Parameters<typeof Y.findRootTypeKey>[0];

/** Judges one transaction of a participant; null when it may stand. */
export function judgeParticipant(tr: Y.Transaction, lockedItems: ReadonlySet<string>): Refusal | null {
  for (const [type, keys] of tr.changed) {
    const { root, itemId } = whereIn(type);
    if (root === ROOT.votes)
      return {
        key: 'votes',
        message: 'votes are cast with the dot buttons, not written; your edit was undone',
      };
    if (root !== ROOT.items || lockedItems.size === 0) continue;
    const touched = itemId === null ? [...keys] : [itemId];
    if (touched.some((id) => id !== null && lockedItems.has(id)))
      return {
        key: 'locked-item',
        message: 'this item is fixed by the facilitator; your edit was undone',
      };
  }
  return null;
}

/** The root a changed type lives in and, below `items`, the id of the item it belongs to. */
function whereIn(type: Shared): { root: string | null; itemId: string | null } {
  let child: Shared | null = null;
  let t = type;
  while (t._item !== null) {
    child = t;
    t = t._item.parent as Shared;
  }
  const root = Y.findRootTypeKey(t);
  return { root, itemId: child?._item?.parentSub ?? null };
}

/** Locking single items: the facilitator's Lock/Unlock for the selection, and a participant's note why. */
import type * as Y from 'yjs';
import { setItemsLocked } from '../../shared/control/commands';
import type { Language } from '../../shared/ydoc';
import type { Role } from '../sync/connection';
import { ts } from './shareStrings';

/** The lock state of the selection, as a toggle for the facilitator and a note for the rest. */
export function ItemLock({
  controlDoc,
  selection,
  lockedItems,
  role,
  language,
}: {
  controlDoc: Y.Doc;
  selection: readonly string[];
  lockedItems: ReadonlySet<string>;
  role: Role;
  language: Language;
}) {
  if (selection.length === 0) return null;
  const locked = selection.every((id) => lockedItems.has(id));
  if (role !== 'facilitator')
    return selection.some((id) => lockedItems.has(id)) ? (
      <p className="item-locked" role="note">
        {ts(language, 'lock.itemNotice')}
      </p>
    ) : null;
  return (
    <button
      type="button"
      className="secondary"
      aria-pressed={locked}
      onClick={() => setItemsLocked(controlDoc, selection, !locked)}
    >
      {ts(language, locked ? 'unlock.item' : 'lock.item')}
    </button>
  );
}

/**
 * Puts a workshop template on a new board: its areas as frames in the content document and its
 * phases, first phase and locked areas in the control document. Each document changes in one
 * transaction, so a board is never seen half set up.
 */
import type * as Y from 'yjs';
import { createItem, LOCAL_ORIGIN } from '../commands';
import type { Language } from '../ydoc';
import { setItemsLocked, startWorkshop } from './commands';
import type { Template } from './fields';
import { workshopTemplate } from './templates';

/** Writes `template`'s areas into `content` and its phases into `control`. */
export function applyTemplate(
  content: Y.Doc,
  control: Y.Doc,
  input: { template: Template; language: Language; createdBy: string; now: number },
  origin: unknown = LOCAL_ORIGIN,
): void {
  const { phases, areas } = workshopTemplate(input.template, input.language);
  content.transact(() => {
    for (const area of areas) {
      createItem(
        content,
        { kind: 'frame', ...area, createdBy: input.createdBy, createdAt: input.now },
        origin,
      );
    }
  }, origin);
  control.transact(() => {
    startWorkshop(control, { template: input.template, phases }, origin);
    if (areas.length > 0)
      setItemsLocked(
        control,
        areas.map((a) => a.id),
        true,
        origin,
      );
  }, origin);
}

/**
 * What a write to a board's control document may change (DESIGN.md contract 3). Only the
 * facilitator writes it (writePolicy.ts drops anyone else's writes); these rules keep even the
 * facilitator's client (an old one, a buggy one, another program) to the contract's fields, so
 * every reader sees values it can use: a field is one of the contract's keys and parses with
 * its schema, or the write is undone. `lockedItems` is a map of item ids to `true`.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  CONTROL_ROOT,
  followSchema,
  lockedSchema,
  phaseIdSchema,
  phasesSchema,
  templateSchema,
  timerSchema,
  votingSchema,
} from '../../shared/control/fields';
import { MAX_ID_LENGTH } from '../../shared/kinds/base';
import type { Refusal } from './contentRules';

/** The plain fields and their schemas; `null` clears the timer, the vote, follow-me and the phase. */
const FIELDS: Readonly<Record<string, z.ZodType>> = {
  locked: lockedSchema,
  template: templateSchema,
  phases: phasesSchema,
  phase: phaseIdSchema,
  timer: timerSchema.nullable(),
  voting: votingSchema.nullable(),
  follow: followSchema.nullable(),
};

/** Judges one transaction on a control document; null when it may stand. */
export function judgeControl(tr: Y.Transaction): Refusal | null {
  for (const [type, keys] of tr.changed) {
    const root = type._item === null ? Y.findRootTypeKey(type) : null;
    if (root === CONTROL_ROOT) {
      for (const key of keys) {
        if (key === null) return refuse('the control document is a map of fields');
        const refusal = judgeField(type as unknown as Y.Map<unknown>, key);
        if (refusal) return refusal;
      }
    } else if (type instanceof Y.Map && isLockedItems(type)) {
      for (const key of keys) {
        if (key === null || key.length > MAX_ID_LENGTH) return refuse('lockedItems keys are item ids');
        const value = (type as Y.Map<unknown>).get(key);
        if (value !== undefined && value !== true) return refuse('lockedItems holds item id → true');
      }
    } else {
      return refuse(
        `the control document has only the fields of contract 3 (changed: ${root ?? 'a nested type'})`,
      );
    }
  }
  return null;
}

function judgeField(control: Y.Map<unknown>, key: string): Refusal | null {
  if (!control.has(key)) return null;
  const value = control.get(key);
  if (key === 'lockedItems') {
    if (!(value instanceof Y.Map)) return refuse('lockedItems is a map of item ids');
    for (const [id, locked] of (value as Y.Map<unknown>).entries())
      if (id.length > MAX_ID_LENGTH || locked !== true) return refuse('lockedItems holds item id → true');
    return null;
  }
  const schema = FIELDS[key];
  if (!schema) return refuse(`"${key.slice(0, 40)}" is not a field of the control document`);
  if (value instanceof Y.AbstractType) return refuse(`${key} is a plain value, not a shared type`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) return refuse(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  return null;
}

function isLockedItems(type: Y.Map<unknown>): boolean {
  const item = type._item;
  return (
    item !== null &&
    item.parentSub === 'lockedItems' &&
    (item.parent as Y.AbstractType<unknown>)._item === null
  );
}

function refuse(detail: string): Refusal {
  return { key: 'control', message: `${detail}; the change was undone` };
}

/**
 * What a write to a board's content document may change, judged on the transaction it
 * produced (after it applied, so the judgement is on what really integrated), root by root
 * and key by key:
 *
 * - `meta`: `schemaVersion` belongs to the server alone (it creates boards and runs
 *   migrations; a client that changes it would make the board unreadable for every later
 *   load). A participant may change `title`, the facilitator `title` and `language`; no one
 *   another key. A title is a string of at most MAX_TITLE_LENGTH characters.
 * - every other root (`items`, `links`, `votes`, and whatever else a third-party client
 *   keeps beside them, which readers ignore): texts grow no longer than MAX_TEXT_LENGTH;
 *   plain values, keys and nesting stay within the bounds below, so no single field can
 *   carry megabytes that every reader has to download and cache. The document size cap
 *   (docSizeBudget.ts) bounds the whole.
 *
 * The facilitator's writes are judged too: a leaked facilitator link must not brick a board.
 * Later rules (the control document of DESIGN.md contract 3) add a judge of the same shape.
 */
import * as Y from 'yjs';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from '../../shared/kinds/base';
import { LANGUAGES, MAX_TITLE_LENGTH, ROOT } from '../../shared/ydoc';
import type { Role } from '../storage/storage';

/** Longest key of an entry anywhere (a vote key is `<itemId>|<userId>`). */
export const MAX_KEY_LENGTH = 2 * MAX_ID_LENGTH + 1;
/** Largest plain value other than a string (an array of mechanism ids), as JSON. */
export const MAX_PLAIN_JSON_BYTES = 16 * 1024;
/** Deepest nesting of shared types below a root (items → item → text is 2). */
const MAX_DEPTH = 4;

/** Why a write may not stand: a key to tell each kind of refusal once, and what to tell. */
export interface Refusal {
  readonly key: string;
  readonly message: string;
}

/** Meta keys each role may change; `schemaVersion` is in no list: only the server writes it. */
const META_KEYS: Readonly<Record<Role, readonly string[]>> = {
  facilitator: ['title', 'language'],
  participant: ['title'],
  viewer: [],
};

/** Any shared type, as Yjs types them. */
type Shared = Parameters<typeof Y.findRootTypeKey>[0];

/** Judges one transaction of a client with `role` on a content document; null when it may stand. */
export function judgeContent(tr: Y.Transaction, role: Role): Refusal | null {
  for (const [type, keys] of tr.changed) {
    if (type._item === null && Y.findRootTypeKey(type) === ROOT.meta) {
      const before = previousValues(tr, type);
      for (const key of keys) {
        const value = entryValue(type, key);
        // Writing back the value a key already had (initBoardDoc on a copy) changes nothing.
        if (key !== null && before.has(key) && samePlain(before.get(key), value)) continue;
        const refusal = judgeMeta(key ?? '', value, role);
        if (refusal) return refusal;
      }
      continue;
    }
    if (type instanceof Y.Text) {
      if (type.length > MAX_TEXT_LENGTH && insertedInto(tr, type)) return tooLongText();
      continue;
    }
    const depth = depthOf(type);
    for (const key of keys) {
      if (key === null) continue;
      const refusal = judgeEntry(key, entryValue(type, key), depth);
      if (refusal) return refusal;
    }
    if (type instanceof Y.Array) {
      // New elements of an array are not listed by key; the whole array is small or refused.
      const refusal = judgeValue(type, depth - 1);
      if (refusal) return refusal;
    } else if (keys.has(null) && type._length > MAX_TEXT_LENGTH) {
      // A root the server never typed (a third party's): its sequence is bounded like a text.
      return tooLongText();
    }
  }
  return null;
}

/**
 * The value under `key` of any shared type. A root the server never asked for by type is a
 * bare AbstractType without `get`, so this reads the entry the way Y.Map does.
 */
function entryValue(type: Shared, key: string | null): unknown {
  const item = key === null ? undefined : type._map.get(key);
  if (!item || item.deleted) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1] as unknown;
}

/** What each changed key of a map held before the transaction, from its event. */
function previousValues(tr: Y.Transaction, type: Shared): Map<string, unknown> {
  const before = new Map<string, unknown>();
  for (const event of tr.changedParentTypes.get(type) ?? []) {
    if (event.target !== type) continue;
    for (const [key, change] of event.keys) if (change.action !== 'add') before.set(key, change.oldValue);
  }
  return before;
}

function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

function judgeMeta(key: string, value: unknown, role: Role): Refusal | null {
  if (key === 'schemaVersion')
    return refuse('meta', "only the server changes the board's format version; your change was undone");
  if (!META_KEYS[role].includes(key))
    return refuse('meta', `your role may not change the board's "${short(key)}"; your change was undone`);
  if (key === 'title' && (typeof value !== 'string' || value.length > MAX_TITLE_LENGTH))
    return refuse(
      'title',
      `a title is text of at most ${MAX_TITLE_LENGTH} characters; your change was undone`,
    );
  if (key === 'language' && !(LANGUAGES as readonly unknown[]).includes(value))
    return refuse('meta', `the language is one of ${LANGUAGES.join(', ')}; your change was undone`);
  return null;
}

/** A changed key of a map `depth` levels below its root, and the value it now holds. */
function judgeEntry(key: string, value: unknown, depth: number): Refusal | null {
  if (key.length > MAX_KEY_LENGTH)
    return refuse('bounds', `keys are at most ${MAX_KEY_LENGTH} characters; your edit was undone`);
  return judgeValue(value, depth);
}

/** A value written `depth` levels below its root, with everything it holds. */
function judgeValue(value: unknown, depth: number): Refusal | null {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean')
    return null;
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH ? tooLongText() : null;
  if (value instanceof Y.AbstractType) {
    if (depth >= MAX_DEPTH) return refuse('bounds', 'shared types nest too deep; your edit was undone');
    if (value instanceof Y.Text) return value.length > MAX_TEXT_LENGTH ? tooLongText() : null;
    if (value instanceof Y.Map) {
      for (const [key, inner] of (value as Y.Map<unknown>).entries()) {
        const refusal = judgeEntry(key, inner, depth + 1);
        if (refusal) return refusal;
      }
      return null;
    }
    if (value instanceof Y.Array) {
      if (value.length > MAX_PLAIN_JSON_BYTES) return tooBig();
      for (const inner of (value as Y.Array<unknown>).toArray()) {
        const refusal = judgeValue(inner, depth + 1);
        if (refusal) return refusal;
      }
      return null;
    }
    return refuse('bounds', 'a board holds no shared types of this kind; your edit was undone');
  }
  if (value instanceof Uint8Array) return value.byteLength > MAX_PLAIN_JSON_BYTES ? tooBig() : null;
  if (value instanceof Y.Doc) return refuse('bounds', 'a board holds no sub-documents; your edit was undone');
  return jsonBytes(value) > MAX_PLAIN_JSON_BYTES ? tooBig() : null;
}

/** Whether the transaction inserted anything into `text` (deleting from an over-long text is fine). */
function insertedInto(tr: Y.Transaction, text: Y.Text): boolean {
  const events = tr.changedParentTypes.get(text as unknown as Shared) ?? [];
  return events.some(
    (event) => event.target === text && (event as Y.YTextEvent).delta.some((op) => op.insert !== undefined),
  );
}

function depthOf(type: Shared): number {
  let depth = 0;
  for (let t = type; t._item !== null; t = t._item.parent as Shared) depth += 1;
  return depth;
}

function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    // A cyclic or otherwise unserialisable value cannot be a field of the format.
    return Number.POSITIVE_INFINITY;
  }
}

function tooLongText(): Refusal {
  return refuse('text', `a text is at most ${MAX_TEXT_LENGTH} characters; your edit was undone`);
}

function tooBig(): Refusal {
  return refuse('bounds', `a field holds at most ${MAX_PLAIN_JSON_BYTES} bytes; your edit was undone`);
}

function refuse(key: string, message: string): Refusal {
  return { key, message };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

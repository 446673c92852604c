/**
 * Commands: the only way the app writes a board. Each validates its input, writes in
 * exactly one transaction tagged with the caller's origin (so a Y.UndoManager tracking that
 * origin undoes it in one step and never touches other people's work), and throws a
 * CommandError instead of writing anything invalid.
 *
 *   const id = createItem(doc, { kind: 'smallWin', x: 0, y: 0, text: 'Stuwtjes' }, me);
 *   linkItems(doc, { kind: 'contributes', from: id, to: ambitionId }, me);
 */
import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import { isItemKind, type ItemKind } from './itemKinds';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH, MIN_BOX_SIZE } from './kinds/base';
import { kindTraits } from './kinds/registry';
import { linkSchema, type BoardLink } from './links/link';
import { isLinkAllowed, type LinkKind } from './links/registry';
import { kindDefaults, parseItem, type BoardItem } from './schema';
import { applyTextDiff } from './textDiff';
import {
  entryMap,
  getMeta,
  MAX_TITLE_LENGTH,
  entryMaps,
  getItems,
  getLinks,
  getVotes,
  itemToYMap,
  linkToYMap,
  MAX_DOTS_PER_ITEM,
  parseVoteKey,
  voteKey,
  yMapToPlain,
} from './ydoc';
import { toWellFormed } from './wellFormed';
import { indexAbove } from './zOrder';

/** Origin used when a caller passes none; remote updates never carry it. */
export const LOCAL_ORIGIN: unique symbol = Symbol('olievlek.local');

/** Thrown when a command's input would make the board invalid; nothing was written. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** Fields a caller may set when creating an item; everything else gets its kind's default. */
export type NewItem = { kind: ItemKind } & Partial<Omit<BoardItem, 'kind'>> & Record<string, unknown>;

/** Fields that can change after creation; identity, kind and text have their own paths. */
export type ItemPatch = Partial<Record<string, unknown>> & {
  id?: never;
  kind?: never;
  text?: never;
};

/** Creates an item with its kind's defaults on top of the z-order and returns its id. */
export function createItem(doc: Y.Doc, input: NewItem, origin: unknown = LOCAL_ORIGIN): string {
  if (!isItemKind(input.kind))
    throw new CommandError(`unknown item kind "${String(input.kind).slice(0, 40)}"`);
  const items = getItems(doc);
  const id = input.id ?? uuidv4();
  if (typeof id === 'string' && items.has(id)) throw new CommandError(`item ${id} exists already`);
  const defaults = kindDefaults[input.kind];
  const item = validItem({
    w: defaults.w,
    h: defaults.h,
    createdAt: Date.now(),
    ...input,
    id,
    index: input.index ?? indexAbove(itemIndexes(items)),
  });
  checkBoxSize(item);
  // The validated id, not the caller's: validation makes it the string every replica will see.
  if (items.has(item.id)) throw new CommandError(`item ${item.id} exists already`);
  doc.transact(() => items.set(item.id, itemToYMap(item)), origin);
  return item.id;
}

/** Changes fields of one item (status, mechanisms, geometry, …); only changed keys are written. */
export function updateItem(doc: Y.Doc, id: string, patch: ItemPatch, origin: unknown = LOCAL_ORIGIN): void {
  const map = requireItem(doc, id);
  const current = yMapToPlain(map);
  for (const key of ['id', 'kind', 'text']) {
    if (key in patch) throw new CommandError(`${key} cannot be changed by updateItem`);
  }
  const next = validItem({ ...current, ...patch });
  const changed = Object.keys(patch).filter(
    (key) => !sameJson(current[key], (next as Record<string, unknown>)[key]),
  );
  if (changed.length === 0) return;
  doc.transact(() => {
    for (const key of changed) {
      const value = (next as Record<string, unknown>)[key];
      if (value === undefined) map.delete(key);
      else map.set(key, Array.isArray(value) ? [...(value as unknown[])] : value);
    }
  }, origin);
}

/** Replaces an item's text by editing only the part that differs, so concurrent typing elsewhere survives. */
export function setText(doc: Y.Doc, id: string, text: string, origin: unknown = LOCAL_ORIGIN): void {
  if (typeof text !== 'string') throw new CommandError('text must be a string');
  if (text.length > MAX_TEXT_LENGTH)
    throw new CommandError(`text is longer than ${MAX_TEXT_LENGTH} characters`);
  const map = requireItem(doc, id);
  const current = map.get('text');
  const next = toWellFormed(text);
  doc.transact(() => {
    if (current instanceof Y.Text) applyTextDiff(current, next);
    else map.set('text', new Y.Text(next));
  }, origin);
}

/** Moves items by one offset in one transaction, so a drag of a selection is one undo step. */
export function moveItems(
  doc: Y.Doc,
  ids: readonly string[],
  delta: { dx: number; dy: number },
  origin: unknown = LOCAL_ORIGIN,
): void {
  if (!Number.isFinite(delta.dx) || !Number.isFinite(delta.dy))
    throw new CommandError('move offset must be finite');
  if (delta.dx === 0 && delta.dy === 0) return;
  const moves = unique(ids).map((id) => {
    const map = requireItem(doc, id);
    const item = validItem(yMapToPlain(map));
    return { map, next: validItem({ ...item, x: item.x + delta.dx, y: item.y + delta.dy }) };
  });
  doc.transact(() => {
    // Only the coordinate that changed is written: a horizontal move by one person must not
    // overwrite (and so pin against undo) another person's vertical move of the same item.
    for (const { map, next } of moves) {
      if (delta.dx !== 0) map.set('x', next.x);
      if (delta.dy !== 0) map.set('y', next.y);
    }
  }, origin);
}

/** Sets an item's box (or a boundary marker's line: start x, y and extent w, h). */
export function resizeItem(
  doc: Y.Doc,
  id: string,
  box: { x: number; y: number; w: number; h: number },
  origin: unknown = LOCAL_ORIGIN,
): void {
  const map = requireItem(doc, id);
  const next = validItem({ ...yMapToPlain(map), x: box.x, y: box.y, w: box.w, h: box.h });
  checkBoxSize(next);
  doc.transact(() => {
    map.set('x', next.x);
    map.set('y', next.y);
    map.set('w', next.w);
    map.set('h', next.h);
  }, origin);
}

/** Deletes items together with every link that touches them and every vote on them. */
export function deleteItems(doc: Y.Doc, ids: readonly string[], origin: unknown = LOCAL_ORIGIN): void {
  const items = getItems(doc);
  const gone = new Set(unique(ids).filter((id) => items.has(id)));
  if (gone.size === 0) return;
  // Everything to remove is decided before writing, so nothing can fail halfway through.
  const links = getLinks(doc);
  const votes = getVotes(doc);
  const touches = (value: unknown) => typeof value === 'string' && gone.has(value);
  const deadLinks = [...entryMaps(links)]
    .filter(([, link]) => touches(link.get('from')) || touches(link.get('to')))
    .map(([linkId]) => linkId);
  const deadVotes = [...votes.keys()].filter((key) => gone.has(parseVoteKey(key)?.itemId ?? ''));
  doc.transact(() => {
    deadLinks.forEach((linkId) => links.delete(linkId));
    deadVotes.forEach((key) => votes.delete(key));
    gone.forEach((id) => items.delete(id));
  }, origin);
}

/** What a caller gives to link two items. */
export interface NewLink {
  kind: LinkKind;
  from: string;
  to: string;
  label?: string;
  id?: string;
}

/** Links two items with a kind DOMAIN.md allows between them; returns the (existing or new) link id. */
export function linkItems(doc: Y.Doc, input: NewLink, origin: unknown = LOCAL_ORIGIN): string {
  const links = getLinks(doc);
  const link = validLink({ ...input, id: input.id ?? uuidv4() });
  if (link.from === link.to) throw new CommandError('an item cannot link to itself');
  const from = validItem(yMapToPlain(requireItem(doc, link.from)));
  const to = validItem(yMapToPlain(requireItem(doc, link.to)));
  if (!isLinkAllowed(link.kind, from.kind, to.kind)) {
    throw new CommandError(`a ${link.kind} link cannot go from ${from.kind} to ${to.kind}`);
  }
  // The same relation twice adds nothing to a path; hand back the one that exists.
  for (const [id, existing] of entryMaps(links)) {
    if (
      existing.get('from') === link.from &&
      existing.get('to') === link.to &&
      existing.get('kind') === link.kind
    ) {
      return id;
    }
  }
  if (links.has(link.id)) throw new CommandError(`link ${link.id} exists already`);
  doc.transact(() => links.set(link.id, linkToYMap(link)), origin);
  return link.id;
}

/** Changes a link's kind or label; a kind must still be allowed between its endpoints. */
export function updateLink(
  doc: Y.Doc,
  id: string,
  patch: { kind?: LinkKind; label?: string | null },
  origin: unknown = LOCAL_ORIGIN,
): void {
  const map = entryMap(getLinks(doc), id);
  if (!map) throw new CommandError(`no link ${id}`);
  const current = validLink(yMapToPlain(map));
  const label = patch.label === null ? undefined : (patch.label ?? current.label);
  const next = validLink({ ...current, kind: patch.kind ?? current.kind, label });
  const from = validItem(yMapToPlain(requireItem(doc, next.from)));
  const to = validItem(yMapToPlain(requireItem(doc, next.to)));
  if (!isLinkAllowed(next.kind, from.kind, to.kind)) {
    throw new CommandError(`a ${next.kind} link cannot go from ${from.kind} to ${to.kind}`);
  }
  doc.transact(() => {
    if (next.kind !== current.kind) map.set('kind', next.kind);
    if (next.label === undefined || next.label === '') map.delete('label');
    else if (next.label !== current.label) map.set('label', next.label);
  }, origin);
}

/** Removes links by id; unknown ids are ignored (someone else may have removed them first). */
export function unlink(doc: Y.Doc, ids: readonly string[], origin: unknown = LOCAL_ORIGIN): void {
  const links = getLinks(doc);
  const present = unique(ids).filter((id) => links.has(id));
  if (present.length === 0) return;
  doc.transact(() => present.forEach((id) => links.delete(id)), origin);
}

/** Adds one dot from a user to an item and returns that user's dots on it. */
export function castVote(doc: Y.Doc, itemId: string, userId: string, origin: unknown = LOCAL_ORIGIN): number {
  const key = checkedVoteKey(doc, itemId, userId);
  const votes = getVotes(doc);
  const dots = currentDots(votes.get(key)) + 1;
  if (dots > MAX_DOTS_PER_ITEM) throw new CommandError(`at most ${MAX_DOTS_PER_ITEM} dots per item`);
  doc.transact(() => votes.set(key, dots), origin);
  return dots;
}

/** Takes one dot of a user back from an item and returns that user's dots left on it. */
export function retractVote(
  doc: Y.Doc,
  itemId: string,
  userId: string,
  origin: unknown = LOCAL_ORIGIN,
): number {
  const key = checkedVoteKey(doc, itemId, userId);
  const votes = getVotes(doc);
  const dots = currentDots(votes.get(key));
  if (dots === 0) return 0;
  doc.transact(() => (dots === 1 ? votes.delete(key) : votes.set(key, dots - 1)), origin);
  return dots - 1;
}

function checkedVoteKey(doc: Y.Doc, itemId: string, userId: string): string {
  requireItem(doc, itemId);
  if (userId.length === 0 || userId.length > MAX_ID_LENGTH || userId.includes('|')) {
    throw new CommandError('a user id is 1–200 characters without "|"');
  }
  return voteKey(itemId, toWellFormed(userId));
}

function currentDots(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

function requireItem(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = entryMap(getItems(doc), id);
  if (!map) throw new CommandError(`no item ${id}`);
  return map;
}

function validItem(value: unknown): BoardItem {
  const result = parseItem(value);
  if (!result.ok) throw new CommandError(`invalid item: ${result.reason}`);
  return result.value;
}

function validLink(value: unknown): BoardLink {
  const result = linkSchema.safeParse(value);
  if (!result.success)
    throw new CommandError(`invalid link: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

/** Writers keep cards clickable; readers still accept smaller ones from other programs. */
function checkBoxSize(item: BoardItem): void {
  if (kindTraits(item.kind).shape === 'line') {
    if (Math.hypot(item.w, item.h) < MIN_BOX_SIZE) throw new CommandError('a line needs some length');
  } else if (item.w < MIN_BOX_SIZE || item.h < MIN_BOX_SIZE) {
    throw new CommandError(`an item is at least ${MIN_BOX_SIZE} units wide and high`);
  }
}

function itemIndexes(items: Y.Map<unknown>): string[] {
  const keys: string[] = [];
  for (const [, map] of entryMaps(items)) {
    const index = map.get('index');
    if (typeof index === 'string' && index.length > 0 && index.length <= MAX_ID_LENGTH) keys.push(index);
  }
  return keys;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Compares plain values; a peer may have stored something JSON cannot express, which counts as changed. */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** Renames the board (`meta.title`), trimmed; an empty or too long title is refused. */
export function setTitle(doc: Y.Doc, title: string, origin: unknown = LOCAL_ORIGIN): void {
  const clean = typeof title === 'string' ? toWellFormed(title).trim() : '';
  if (clean === '') throw new CommandError('a board needs a title');
  if (clean.length > MAX_TITLE_LENGTH)
    throw new CommandError(`a title is at most ${MAX_TITLE_LENGTH} characters`);
  doc.transact(() => getMeta(doc).set('title', clean), origin);
}

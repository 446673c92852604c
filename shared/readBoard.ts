/**
 * readBoard: the Y.Doc turned into a frozen, validated read model. Tolerant by contract:
 * whatever a peer wrote, it never throws; what it cannot use is skipped and listed in
 * `problems` with a reason, so a client, an export or the server can say what was left out.
 *
 *   const board = readBoard(doc);
 *   board.items;    // sorted by z-order, every one valid
 *   board.problems; // [{ kind: 'link', id: 'l9', reason: 'dangling: to "x" is not an item' }]
 *
 * For a live view that re-reads on every change, use createBoardReader (boardReader.ts): it
 * gives the same result but re-validates only what changed.
 */
import * as Y from 'yjs';
import { MAX_TEXT_LENGTH } from './kinds/base';
import type { BoardLink } from './links/link';
import { isLinkAllowed } from './links/registry';
import { parseItem, parseLink, type BoardItem } from './schema';
import {
  getItems,
  getLinks,
  getMeta,
  getVotes,
  LANGUAGES,
  MAX_DOTS_PER_ITEM,
  MAX_TITLE_LENGTH,
  parseVoteKey,
  yMapToPlain,
  type BoardMeta,
  type Language,
} from './ydoc';
import { compareIndex } from './zOrder';

/** Dots one user gave one item. */
export interface Vote {
  readonly itemId: string;
  readonly userId: string;
  readonly dots: number;
}

/** Something readBoard skipped or repaired, and why. */
export interface Problem {
  readonly kind: 'meta' | 'item' | 'link' | 'vote';
  readonly id: string;
  readonly reason: string;
}

/** The validated, frozen view of a board that every renderer, analysis and export reads. */
export interface BoardReadModel {
  readonly meta: BoardMeta;
  /** Valid items in z-order (index, then id), bottom first. */
  readonly items: readonly BoardItem[];
  /** Valid links whose endpoints are valid items of allowed kinds, sorted by id. */
  readonly links: readonly BoardLink[];
  /** Votes on valid items, sorted by item then user. */
  readonly votes: readonly Vote[];
  readonly problems: readonly Problem[];
}

/** One entry of `items` or `links`, validated on its own: the value, a repair note, or why it was skipped. */
export interface EntryResult<T> {
  readonly value?: T;
  readonly problem?: Problem;
}

/** Ids stay short in problem reports even when a hostile peer wrote a huge key. */
const MAX_REPORTED_ID = 80;

/** Reads and validates the whole board; never throws. */
export function readBoard(doc: Y.Doc): BoardReadModel {
  const items: EntryResult<BoardItem>[] = [];
  for (const [key, value] of getItems(doc).entries()) items.push(readItemEntry(key, value));
  const links: EntryResult<BoardLink>[] = [];
  for (const [key, value] of getLinks(doc).entries()) links.push(readLinkEntry(key, value));
  return assembleBoard(getMeta(doc), items, links, getVotes(doc));
}

/** Validates one entry of `items`; depends on nothing else in the document. */
export function readItemEntry(key: string, value: unknown): EntryResult<BoardItem> {
  const id = shortId(key);
  if (!(value instanceof Y.Map)) return { problem: { kind: 'item', id, reason: 'not a map' } };
  const plain = yMapToPlain(value as Y.Map<unknown>);
  if (plain.id !== key) return { problem: { kind: 'item', id, reason: 'id does not equal its key' } };
  let repaired: Problem | undefined;
  if (typeof plain.text === 'string' && plain.text.length > MAX_TEXT_LENGTH) {
    // Long text is cut rather than dropping the card, so nobody's contribution disappears.
    plain.text = plain.text.slice(0, MAX_TEXT_LENGTH);
    repaired = { kind: 'item', id, reason: `text cut to ${MAX_TEXT_LENGTH} characters` };
  }
  const result = parseItem(plain);
  if (!result.ok) return { problem: { kind: 'item', id, reason: result.reason } };
  return { value: deepFreeze(result.value), problem: repaired };
}

/** Validates one entry of `links` on its own; endpoints are checked in assembleBoard. */
export function readLinkEntry(key: string, value: unknown): EntryResult<BoardLink> {
  const id = shortId(key);
  if (!(value instanceof Y.Map)) return { problem: { kind: 'link', id, reason: 'not a map' } };
  const result = parseLink(yMapToPlain(value as Y.Map<unknown>));
  if (!result.ok) return { problem: { kind: 'link', id, reason: result.reason } };
  if (result.value.id !== key) return { problem: { kind: 'link', id, reason: 'id does not equal its key' } };
  return { value: Object.freeze(result.value) };
}

/** Builds the read model from validated entries: sorts, checks link endpoints and votes. */
export function assembleBoard(
  metaMap: Y.Map<unknown>,
  itemEntries: Iterable<EntryResult<BoardItem>>,
  linkEntries: Iterable<EntryResult<BoardLink>>,
  votesMap: Y.Map<unknown>,
): BoardReadModel {
  const problems: Problem[] = [];
  const meta = readMeta(metaMap, problems);
  const items: BoardItem[] = [];
  for (const entry of itemEntries) {
    if (entry.value) items.push(entry.value);
    if (entry.problem) problems.push(entry.problem);
  }
  items.sort((a, b) => compareIndex(a.index, b.index) || compareIndex(a.id, b.id));
  const byId = new Map(items.map((item) => [item.id, item]));
  const links: BoardLink[] = [];
  for (const entry of linkEntries) {
    if (entry.problem) problems.push(entry.problem);
    if (!entry.value) continue;
    const reason = endpointProblem(entry.value, byId);
    if (reason) problems.push({ kind: 'link', id: shortId(entry.value.id), reason });
    else links.push(entry.value);
  }
  links.sort((a, b) => compareIndex(a.id, b.id));
  const votes = readVotes(votesMap, byId, problems);
  return Object.freeze({
    meta,
    items: Object.freeze(items),
    links: Object.freeze(links),
    votes: Object.freeze(votes),
    // Map iteration follows local insertion order, which differs per replica; sorting makes
    // the report identical everywhere.
    problems: Object.freeze(problems.sort(compareProblems)),
  });
}

const itemIndexCache = new WeakMap<BoardReadModel, ReadonlyMap<string, BoardItem>>();

/** The board's items by id, built once per read model. */
export function itemsById(board: BoardReadModel): ReadonlyMap<string, BoardItem> {
  let index = itemIndexCache.get(board);
  if (!index) {
    index = new Map(board.items.map((item) => [item.id, item]));
    itemIndexCache.set(board, index);
  }
  return index;
}

const PROBLEM_ORDER = { meta: 0, item: 1, link: 2, vote: 3 } as const;

function compareProblems(a: Problem, b: Problem): number {
  return (
    PROBLEM_ORDER[a.kind] - PROBLEM_ORDER[b.kind] ||
    compareIndex(a.id, b.id) ||
    compareIndex(a.reason, b.reason)
  );
}

function readMeta(map: Y.Map<unknown>, problems: Problem[]): BoardMeta {
  const schemaVersion = map.get('schemaVersion');
  const title = map.get('title');
  const language = map.get('language');
  const version = typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) ? schemaVersion : 0;
  if (version !== schemaVersion) {
    problems.push({ kind: 'meta', id: 'schemaVersion', reason: 'missing or not an integer' });
  }
  if (typeof title !== 'string')
    problems.push({ kind: 'meta', id: 'title', reason: 'missing or not a string' });
  const lang: Language = (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : 'en';
  if (lang !== language)
    problems.push({ kind: 'meta', id: 'language', reason: 'not "nl" or "en"; using "en"' });
  return Object.freeze({
    schemaVersion: version,
    title: typeof title === 'string' ? title.slice(0, MAX_TITLE_LENGTH) : '',
    language: lang,
  });
}

function endpointProblem(link: BoardLink, items: ReadonlyMap<string, BoardItem>): string | null {
  const from = items.get(link.from);
  const to = items.get(link.to);
  if (!from) return `dangling: from "${shortId(link.from)}" is not an item`;
  if (!to) return `dangling: to "${shortId(link.to)}" is not an item`;
  if (link.from === link.to) return 'links an item to itself';
  if (!isLinkAllowed(link.kind, from.kind, to.kind))
    return `${link.kind} is not allowed from ${from.kind} to ${to.kind}`;
  return null;
}

function readVotes(map: Y.Map<unknown>, items: ReadonlyMap<string, BoardItem>, problems: Problem[]): Vote[] {
  const votes: Vote[] = [];
  for (const [key, dots] of map.entries()) {
    const parsed = parseVoteKey(key);
    const reason = !parsed
      ? 'key is not "<itemId>|<userId>"'
      : !items.has(parsed.itemId)
        ? 'votes on an item that is not on the board'
        : typeof dots !== 'number' || !Number.isInteger(dots) || dots < 1 || dots > MAX_DOTS_PER_ITEM
          ? `dots must be a whole number from 1 to ${MAX_DOTS_PER_ITEM}`
          : null;
    if (reason || !parsed) problems.push({ kind: 'vote', id: shortId(key), reason: reason ?? 'invalid' });
    else votes.push(Object.freeze({ itemId: parsed.itemId, userId: parsed.userId, dots: dots as number }));
  }
  return votes.sort((a, b) => compareIndex(a.itemId, b.itemId) || compareIndex(a.userId, b.userId));
}

function shortId(id: string): string {
  return id.length > MAX_REPORTED_ID ? `${id.slice(0, MAX_REPORTED_ID)}…` : id;
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) {
    if (Array.isArray(field)) Object.freeze(field);
  }
  return Object.freeze(value);
}

/**
 * readBoard: the Y.Doc turned into a frozen, validated read model. Tolerant by contract:
 * whatever a peer wrote, it never throws; what it cannot use is skipped and listed in
 * `problems` with a reason, so a client, an export or the server can say what was left out.
 *
 *   const board = readBoard(doc);
 *   board.items;    // sorted by z-order, every one valid
 *   board.problems; // [{ kind: 'link', id: 'l9', reason: 'dangling: to "x" is not an item' }]
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

/** Ids stay short in problem reports even when a hostile peer wrote a huge key. */
const MAX_REPORTED_ID = 80;

/** Reads and validates the whole board; never throws. */
export function readBoard(doc: Y.Doc): BoardReadModel {
  const problems: Problem[] = [];
  const meta = readMeta(getMeta(doc), problems);
  const items = readItems(getItems(doc), problems);
  const byId = new Map(items.map((item) => [item.id, item]));
  const links = readLinks(getLinks(doc), byId, problems);
  const votes = readVotes(getVotes(doc), byId, problems);
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

const PROBLEM_ORDER = { meta: 0, item: 1, link: 2, vote: 3 } as const;

function compareProblems(a: Problem, b: Problem): number {
  return (
    PROBLEM_ORDER[a.kind] - PROBLEM_ORDER[b.kind] ||
    compareIndex(a.id, b.id) ||
    compareIndex(a.reason, b.reason)
  );
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

function readMeta(map: Y.Map<unknown>, problems: Problem[]): BoardMeta {
  const schemaVersion = map.get('schemaVersion');
  const title = map.get('title');
  const language = map.get('language');
  const version = typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) ? schemaVersion : 0;
  if (version !== schemaVersion)
    problems.push({ kind: 'meta', id: 'schemaVersion', reason: 'missing or not an integer' });
  if (typeof title !== 'string')
    problems.push({ kind: 'meta', id: 'title', reason: 'missing or not a string' });
  const lang: Language = (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : 'en';
  if (lang !== language)
    problems.push({ kind: 'meta', id: 'language', reason: 'not "nl" or "en"; using "en"' });
  return Object.freeze({
    schemaVersion: version,
    title: typeof title === 'string' ? title.slice(0, 200) : '',
    language: lang,
  });
}

function readItems(map: Y.Map<unknown>, problems: Problem[]): BoardItem[] {
  const items: BoardItem[] = [];
  for (const [key, value] of map.entries()) {
    const id = shortId(key);
    if (!(value instanceof Y.Map)) {
      problems.push({ kind: 'item', id, reason: 'not a map' });
      continue;
    }
    const plain = yMapToPlain(value as Y.Map<unknown>);
    if (plain.id !== key) {
      problems.push({ kind: 'item', id, reason: 'id does not equal its key' });
      continue;
    }
    if (typeof plain.text === 'string' && plain.text.length > MAX_TEXT_LENGTH) {
      // Long text is cut rather than dropping the card, so nobody's contribution disappears.
      plain.text = plain.text.slice(0, MAX_TEXT_LENGTH);
      problems.push({ kind: 'item', id, reason: `text cut to ${MAX_TEXT_LENGTH} characters` });
    }
    const result = parseItem(plain);
    if (result.ok) items.push(deepFreeze(result.value));
    else problems.push({ kind: 'item', id, reason: result.reason });
  }
  return items.sort((a, b) => compareIndex(a.index, b.index) || compareIndex(a.id, b.id));
}

function readLinks(
  map: Y.Map<unknown>,
  items: ReadonlyMap<string, BoardItem>,
  problems: Problem[],
): BoardLink[] {
  const links: BoardLink[] = [];
  for (const [key, value] of map.entries()) {
    const id = shortId(key);
    if (!(value instanceof Y.Map)) {
      problems.push({ kind: 'link', id, reason: 'not a map' });
      continue;
    }
    const result = parseLink(yMapToPlain(value as Y.Map<unknown>));
    if (!result.ok) {
      problems.push({ kind: 'link', id, reason: result.reason });
      continue;
    }
    const link = result.value;
    const from = items.get(link.from);
    const to = items.get(link.to);
    const reason =
      link.id !== key
        ? 'id does not equal its key'
        : !from
          ? `dangling: from "${shortId(link.from)}" is not an item`
          : !to
            ? `dangling: to "${shortId(link.to)}" is not an item`
            : link.from === link.to
              ? 'links an item to itself'
              : !isLinkAllowed(link.kind, from.kind, to.kind)
                ? `${link.kind} is not allowed from ${from.kind} to ${to.kind}`
                : null;
    if (reason) problems.push({ kind: 'link', id, reason });
    else links.push(Object.freeze(link));
  }
  return links.sort((a, b) => compareIndex(a.id, b.id));
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

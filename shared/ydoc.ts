/**
 * The Y.Doc layout of a board's content document (format v1, DESIGN.md contract 1):
 * root maps `meta`, `items`, `links` and `votes`. Everything that touches the raw
 * document goes through these accessors, so the layout lives in one file.
 *
 *   const doc = new Y.Doc();
 *   initBoardDoc(doc, { title: 'Rivierenland', language: 'nl' });
 *   getItems(doc).get('sw-1')?.get('text'); // a Y.Text
 */
import * as Y from 'yjs';
import type { BoardItem } from './schema';
import { toWellFormed } from './wellFormed';
import type { BoardLink } from './links/link';

/** Names of the root types; third-party clients use the same strings. */
export const ROOT = {
  meta: 'meta',
  items: 'items',
  links: 'links',
  votes: 'votes',
} as const;

/** Board languages; the UI and reports default to the board's. */
export const LANGUAGES = ['nl', 'en'] as const;

/** One of the board languages. */
export type Language = (typeof LANGUAGES)[number];

/** Board-level facts stored in `meta`. */
export interface BoardMeta {
  readonly schemaVersion: number;
  readonly title: string;
  readonly language: Language;
}

/** Longest board title a writer accepts. */
export const MAX_TITLE_LENGTH = 200;

/** The `meta` map: schemaVersion, title, language. */
export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.meta);
}

/**
 * The `items` map: item id → Y.Map of the item's fields. Typed `unknown` on purpose: any peer
 * can write anything here, so every reader checks (see `entryMap`).
 */
export function getItems(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.items);
}

/** The `links` map: link id → Y.Map of the link's fields; untrusted like `items`. */
export function getLinks(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.links);
}

/** An entry of `items` or `links` when it is a Y.Map, else undefined. */
export function entryMap(root: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const value = root.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/** The entries of `items` or `links` that are Y.Maps, with their keys. */
export function* entryMaps(root: Y.Map<unknown>): Generator<[string, Y.Map<unknown>]> {
  for (const [key, value] of root.entries()) {
    if (value instanceof Y.Map) yield [key, value as Y.Map<unknown>];
  }
}

/** The `votes` map: `"<itemId>|<userId>"` → dots. */
export function getVotes(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.votes);
}

/** Writes `meta` of a new board; the server calls it once, when the board is created. */
export function initBoardDoc(doc: Y.Doc, meta: BoardMeta, origin?: unknown): void {
  doc.transact(() => {
    const map = getMeta(doc);
    map.set('schemaVersion', meta.schemaVersion);
    map.set('title', toWellFormed(meta.title));
    map.set('language', meta.language);
  }, origin);
}

/** Most dots one user can put on one item; a facilitator's budget is usually far lower. */
export const MAX_DOTS_PER_ITEM = 100;

/** The vote key of one user's dots on one item. User ids never contain `|`, item ids may. */
export function voteKey(itemId: string, userId: string): string {
  return `${itemId}|${userId}`;
}

/** Splits a vote key at its last `|`; null when it has none or an empty side. */
export function parseVoteKey(key: string): { itemId: string; userId: string } | null {
  const bar = key.lastIndexOf('|');
  if (bar <= 0 || bar === key.length - 1) return null;
  return { itemId: key.slice(0, bar), userId: key.slice(bar + 1) };
}

/** A new Y.Map holding an item; `text` becomes a Y.Text so concurrent typing merges. */
export function itemToYMap(item: BoardItem): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined) continue;
    map.set(key, key === 'text' ? new Y.Text(String(value)) : copyPlain(value));
  }
  return map;
}

/** A new Y.Map holding a link. */
export function linkToYMap(link: BoardLink): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(link)) {
    if (value !== undefined) map.set(key, value);
  }
  return map;
}

/**
 * The plain fields of a stored item or link: a Y.Text becomes its string, other shared
 * types are left out (no v1 field holds one). Untrusted: parse the result before use.
 */
export function yMapToPlain(map: Y.Map<unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    // A peer-chosen "__proto__" key would otherwise replace the object's prototype.
    if (key === '__proto__') continue;
    if (value instanceof Y.Text) plain[key] = value.toString();
    else if (!(value instanceof Y.AbstractType)) plain[key] = value;
  }
  return plain;
}

/**
 * Arrays are copied on write because Yjs stores the value, not a snapshot: mutating the
 * caller's array later would change this replica only and silently diverge from the others.
 */
function copyPlain(value: unknown): unknown {
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}

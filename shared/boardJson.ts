/**
 * The JSON form of a board (DESIGN.md: `{"format": "olievlek-board", "schemaVersion": 1, …}`):
 * one file per board for export, import, fixtures and demos.
 *
 *   const json = toBoardJson(readBoard(doc));
 *   const { problems } = loadBoardJson(emptyDoc, json); // invalid entries skipped, listed
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { wireString } from './kinds/base';
import { linkSchema } from './links/link';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import type { ItemKind } from './itemKinds';
import { isLinkAllowed } from './links/registry';
import type { BoardReadModel, Problem } from './readBoard';
import { itemSchema, type BoardItem } from './schema';
import type { BoardLink } from './links/link';
import {
  getItems,
  getLinks,
  getVotes,
  initBoardDoc,
  itemToYMap,
  linkToYMap,
  MAX_DOTS_PER_ITEM,
  MAX_TITLE_LENGTH,
  parseVoteKey,
  voteKey,
} from './ydoc';

/** A board in one JSON value. */
export interface BoardJson {
  format: 'olievlek-board';
  schemaVersion: number;
  meta: { schemaVersion: number; title: string; language: 'nl' | 'en' };
  items: BoardItem[];
  links: BoardLink[];
  votes: Record<string, number>;
}

/** More than any workshop needs and few enough that a hostile file cannot exhaust memory. */
export const MAX_JSON_ITEMS = 50_000;

const envelopeSchema = z.object({
  format: z.literal('olievlek-board'),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: z.object({
    title: wireString().max(MAX_TITLE_LENGTH).catch(''),
    language: z.enum(['nl', 'en']).catch('nl'),
  }),
  items: z.array(z.unknown()).max(MAX_JSON_ITEMS),
  links: z.array(z.unknown()).max(MAX_JSON_ITEMS),
  votes: z.record(z.string(), z.unknown()).default({}),
});

/** Thrown when a value is not a board in JSON form at all (as opposed to one with bad entries). */
export class BoardJsonError extends Error {
  override readonly name = 'BoardJsonError';
}

/** The JSON form of a read model. */
export function toBoardJson(board: BoardReadModel): BoardJson {
  return {
    format: 'olievlek-board',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { schemaVersion: CURRENT_SCHEMA_VERSION, title: board.meta.title, language: board.meta.language },
    items: board.items.map((item) => ({ ...item })),
    links: board.links.map((link) => ({ ...link })),
    votes: Object.fromEntries(board.votes.map((vote) => [voteKey(vote.itemId, vote.userId), vote.dots])),
  };
}

/**
 * Writes a JSON board into an empty document in one transaction. Entries that fail
 * validation (including dangling or disallowed links) are skipped and returned as problems.
 */
export function loadBoardJson(
  doc: Y.Doc,
  value: unknown,
  origin?: unknown,
): { problems: readonly Problem[] } {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new BoardJsonError(
      `not an Olievlek board: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  if (getItems(doc).size > 0 || getLinks(doc).size > 0) throw new BoardJsonError('the document is not empty');
  const problems: Problem[] = [];
  const { meta, items, links, votes } = envelope.data;
  doc.transact(() => {
    initBoardDoc(doc, { schemaVersion: CURRENT_SCHEMA_VERSION, title: meta.title, language: meta.language });
    const kinds = new Map<string, ItemKind>();
    for (const [i, raw] of items.entries()) {
      const item = itemSchema.safeParse(raw);
      if (item.success && !kinds.has(item.data.id)) {
        kinds.set(item.data.id, item.data.kind);
        getItems(doc).set(item.data.id, itemToYMap(item.data));
      } else
        problems.push({
          kind: 'item',
          id: entryId(raw, i),
          reason: item.success ? 'duplicate id' : 'invalid',
        });
    }
    for (const [i, raw] of links.entries()) {
      const link = linkSchema.safeParse(raw);
      const reason = link.success ? linkProblem(link.data, kinds, getLinks(doc)) : 'invalid';
      if (reason || !link.success)
        problems.push({ kind: 'link', id: entryId(raw, i), reason: reason ?? 'invalid' });
      else getLinks(doc).set(link.data.id, linkToYMap(link.data));
    }
    for (const [key, dots] of Object.entries(votes)) {
      const vote = parseVoteKey(key);
      const valid =
        typeof dots === 'number' && Number.isInteger(dots) && dots >= 1 && dots <= MAX_DOTS_PER_ITEM;
      if (vote && kinds.has(vote.itemId) && valid) getVotes(doc).set(key, dots);
      else problems.push({ kind: 'vote', id: key.slice(0, 80), reason: 'invalid' });
    }
  }, origin);
  return { problems };
}

/** Why a link from a file cannot be written, or null when it can. */
function linkProblem(
  link: BoardLink,
  kinds: ReadonlyMap<string, ItemKind>,
  written: Y.Map<unknown>,
): string | null {
  const from = kinds.get(link.from);
  const to = kinds.get(link.to);
  if (written.has(link.id)) return 'duplicate id';
  if (!from || !to) return 'dangling';
  if (link.from === link.to || !isLinkAllowed(link.kind, from, to)) return `${link.kind} is not allowed here`;
  return null;
}

function entryId(raw: unknown, position: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 80) : `#${position}`;
}

/**
 * Restoring a board to an earlier state as one ordinary change: only what differs is written
 * (fields set, items and links added or deleted, texts edited in place), in one transaction, so
 * everyone receives it like any other edit and the history before it stays in the log.
 *
 *   restoreBoard(doc, readBoard(snapshotDoc), 'restore'); // doc now reads like the snapshot
 */
import * as Y from 'yjs';
import type { BoardReadModel } from './readBoard';
import { applyTextDiff } from './textDiff';
import { entryMap, getItems, getLinks, getMeta, getVotes, itemToYMap, linkToYMap, voteKey } from './ydoc';

/** What a restore changed, for logs and answers. */
export interface RestoreSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** Makes `doc` read like `target` (a validated read model), writing only the differences. */
export function restoreBoard(doc: Y.Doc, target: BoardReadModel, origin?: unknown): RestoreSummary {
  const count = { added: 0, removed: 0, changed: 0 };
  doc.transact(() => {
    const meta = getMeta(doc);
    if (meta.get('title') !== target.meta.title) meta.set('title', target.meta.title);
    if (meta.get('language') !== target.meta.language) meta.set('language', target.meta.language);
    syncEntries(getItems(doc), target.items, (item) => itemToYMap(item), count);
    syncEntries(getLinks(doc), target.links, (link) => linkToYMap(link), count);
    const votes = getVotes(doc);
    const wanted = new Map(target.votes.map((v) => [voteKey(v.itemId, v.userId), v.dots]));
    for (const key of [...votes.keys()]) if (!wanted.has(key)) votes.delete(key);
    for (const [key, dots] of wanted) if (votes.get(key) !== dots) votes.set(key, dots);
  }, origin);
  return count;
}

function syncEntries<T extends { readonly id: string }>(
  root: Y.Map<unknown>,
  wanted: readonly T[],
  create: (value: T) => Y.Map<unknown>,
  count: { added: number; removed: number; changed: number },
): void {
  const ids = new Set(wanted.map((value) => value.id));
  for (const key of [...root.keys()]) {
    if (!ids.has(key)) {
      root.delete(key);
      count.removed += 1;
    }
  }
  for (const value of wanted) {
    const map = entryMap(root, value.id);
    if (!map) {
      root.set(value.id, create(value));
      count.added += 1;
    } else if (patchFields(map, value as unknown as Record<string, unknown>)) count.changed += 1;
  }
}

/** Sets the fields that differ and deletes those the target lacks; true when anything changed. */
function patchFields(map: Y.Map<unknown>, value: Record<string, unknown>): boolean {
  let changed = false;
  for (const key of [...map.keys()]) {
    if (value[key] === undefined) {
      map.delete(key);
      changed = true;
    }
  }
  for (const [key, next] of Object.entries(value)) {
    if (next === undefined) continue;
    const current = map.get(key);
    if (key === 'text' && typeof next === 'string') {
      if (current instanceof Y.Text) {
        if (current.toString() !== next) {
          applyTextDiff(current, next);
          changed = true;
        }
      } else {
        map.set(key, new Y.Text(next));
        changed = true;
      }
    } else if (!samePlain(current, next)) {
      map.set(key, Array.isArray(next) ? [...(next as unknown[])] : next);
      changed = true;
    }
  }
  return changed;
}

function samePlain(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

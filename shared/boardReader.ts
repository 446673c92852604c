/**
 * A live read model: the same result as readBoard, kept up to date by re-validating only
 * the items and links that changed. Unchanged items keep their object identity, so a
 * renderer can skip them with a plain `===`.
 *
 *   const reader = createBoardReader(doc);
 *   const off = reader.subscribe(() => render(reader.read()));
 *   // later: off(); reader.destroy();
 *
 * The shape suits React's useSyncExternalStore(reader.subscribe, reader.read).
 */
import type * as Y from 'yjs';
import type { BoardLink } from './links/link';
import {
  assembleBoard,
  readItemEntry,
  readLinkEntry,
  type BoardReadModel,
  type EntryResult,
} from './readBoard';
import type { BoardItem } from './schema';
import { getItems, getLinks, getMeta, getVotes } from './ydoc';

/** A live, incrementally updated read model of one document. */
export interface BoardReader {
  /** The current read model; the same object until the document changes. */
  read(): BoardReadModel;
  /** Calls `listener` after every transaction that changed the board; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Stops observing the document. */
  destroy(): void;
}

/** Creates a live reader over a board document. */
export function createBoardReader(doc: Y.Doc): BoardReader {
  const itemsRoot = getItems(doc);
  const linksRoot = getLinks(doc);
  const items = new EntryCache(itemsRoot, readItemEntry);
  const links = new EntryCache(linksRoot, readLinkEntry);
  const listeners = new Set<() => void>();
  let current: BoardReadModel | null = null;

  const onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => items.invalidate(events);
  const onLinks = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => links.invalidate(events);
  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0 && transaction.changedParentTypes.size === 0) return;
    current = null;
    listeners.forEach((listener) => listener());
  };
  itemsRoot.observeDeep(onItems);
  linksRoot.observeDeep(onLinks);
  doc.on('afterTransaction', onAfterTransaction);

  return {
    read() {
      current ??= assembleBoard(getMeta(doc), items.results(), links.results(), getVotes(doc));
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      itemsRoot.unobserveDeep(onItems);
      linksRoot.unobserveDeep(onLinks);
      doc.off('afterTransaction', onAfterTransaction);
      listeners.clear();
    },
  };
}

/** Validated entries of one root map, re-validated per key when that key's subtree changes. */
class EntryCache<T extends BoardItem | BoardLink> {
  private readonly cache = new Map<string, EntryResult<T>>();
  private readonly dirty = new Set<string>();
  private primed = false;

  constructor(
    private readonly root: Y.Map<unknown>,
    private readonly readEntry: (key: string, value: unknown) => EntryResult<T>,
  ) {}

  /** Marks the top-level keys touched by these events. */
  invalidate(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    for (const event of events) {
      if (event.target === this.root) {
        for (const key of event.keys.keys()) this.dirty.add(key);
      } else {
        // A change inside an entry (a field, or its text): the path starts at the entry's key.
        const key = event.path[0];
        if (typeof key === 'string') this.dirty.add(key);
      }
    }
  }

  /** Every entry's result, re-reading only dirty keys. */
  results(): Iterable<EntryResult<T>> {
    if (!this.primed) {
      for (const [key, value] of this.root.entries()) this.cache.set(key, this.readEntry(key, value));
      this.primed = true;
      this.dirty.clear();
    }
    for (const key of this.dirty) {
      const value = this.root.get(key);
      if (value === undefined && !this.root.has(key)) this.cache.delete(key);
      else this.cache.set(key, this.readEntry(key, value));
    }
    this.dirty.clear();
    return this.cache.values();
  }
}

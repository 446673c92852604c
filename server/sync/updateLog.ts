/**
 * A room's view of its stored update log: appends, the sequence number compaction needs, and
 * when compaction is due (past a threshold of appended updates, and always on unload).
 */
import * as Y from 'yjs';
import type { ServerMetrics } from '../serverMetrics';
import type { Fanout } from '../fanout/fanout';
import type { Storage } from '../storage/storage';

/** The stored log of one room. */
export class UpdateLog {
  private lastSeq = 0;
  private sinceCompaction = 0;

  constructor(
    private readonly storage: Storage,
    private readonly room: string,
    private readonly compactAfterUpdates: number,
    private readonly metrics: ServerMetrics,
    /** Set when other instances share the store: compaction then merges what is stored. */
    private readonly fanout: Fanout | null = null,
  ) {}

  /** Reads the log; the caller applies the updates it returns. */
  async load(): Promise<readonly Uint8Array[]> {
    const stored = await this.storage.load(this.room);
    this.lastSeq = stored.lastSeq;
    this.sinceCompaction = Math.max(0, stored.updates.length - 1);
    return stored.updates;
  }

  /** Appends one update; durable when the promise resolves. */
  async append(update: Uint8Array): Promise<void> {
    this.lastSeq = await this.storage.appendUpdate(this.room, update);
    this.sinceCompaction += 1;
  }

  /** Whether the log has grown past the compaction threshold. */
  get compactionDue(): boolean {
    return this.sinceCompaction >= this.compactAfterUpdates;
  }

  /** Whether the log holds more than one entry. */
  get hasUncompacted(): boolean {
    return this.sinceCompaction > 0;
  }

  /** Replaces the log with the document's state, in one transaction; returns the state's size. */
  async compact(doc: Y.Doc): Promise<number | null> {
    if (this.lastSeq === 0) return null;
    const { fanout, storage } = this;
    if (fanout && storage.compactStored) {
      // This document may still lack an update another instance stored; the store has them all.
      // Whoever holds the lock compacts; the others wait for their next turn.
      this.sinceCompaction = 0;
      // Compaction is bounded by the store's statement timeout; the lock outlives it.
      const done = await fanout.withLock(
        `compact:${this.room}`,
        () => storage.compactStored!(this.room, mergedState),
        {
          ttlMs: 120_000,
          waitMs: 0,
        },
      );
      const size = done.ran ? done.value : null;
      if (size !== null) this.metrics.compactions.inc();
      return size;
    }
    const state = Y.encodeStateAsUpdate(doc);
    await this.storage.compact(this.room, state, this.lastSeq);
    this.sinceCompaction = 0;
    this.metrics.compactions.inc();
    return state.byteLength;
  }
}

/** The garbage-collected state of a log's updates. */
function mergedState(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates([...updates]));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

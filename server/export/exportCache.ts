/**
 * Rendered exports kept by key (board, document state, format), least recently used first
 * out, bounded by the bytes they hold. A viewer asking again for an unchanged board gets the
 * same buffer: no new render, and a hundred slow downloads share one copy in memory.
 *
 *   const cache = createExportCache(128 * 1024 * 1024);
 *   cache.set(key, entry); cache.get(key);
 */

/** A cached outcome: the file, or the error a job for that state ended with. */
export type CachedExport =
  | {
      readonly ok: true;
      readonly body: Buffer;
      readonly title: string;
      readonly items: number;
      /** The snapshot's label, for snapshot exports. */
      readonly suffix?: string;
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      /** The document cannot be read (too new, or does not migrate): a snapshot may stand in. */
      readonly unreadable?: boolean;
    };

/** A byte-bounded LRU cache of exports. */
export interface ExportCache {
  get(key: string): CachedExport | undefined;
  set(key: string, value: CachedExport): void;
  /** Bytes held. */
  readonly bytes: number;
}

/** Creates a cache holding at most `maxBytes` of files (0 turns it off). */
export function createExportCache(maxBytes: number): ExportCache {
  const entries = new Map<string, CachedExport>();
  let bytes = 0;
  const sizeOf = (value: CachedExport) => (value.ok ? value.body.length : 0) + 256;
  return {
    get(key) {
      const value = entries.get(key);
      if (value) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      const size = sizeOf(value);
      if (size > maxBytes) return;
      const old = entries.get(key);
      if (old) {
        bytes -= sizeOf(old);
        entries.delete(key);
      }
      entries.set(key, value);
      bytes += size;
      for (const [oldest, entry] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(oldest);
        bytes -= sizeOf(entry);
      }
    },
    get bytes() {
      return bytes;
    },
  };
}

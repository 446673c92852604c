/**
 * The soak's book of edits: each is a new item with a unique id, so where it went can be
 * told exactly. An edit is sent by its writer, acknowledged once the server's stored state
 * holds it, relayed once a client other than its writer has seen it, and lost when it was
 * acknowledged or relayed but a reload from the store does not have it.
 */

/** One edit's record. */
interface Entry {
  readonly room: string;
  readonly writer: string;
  /** Made while its writer had no connection: it can only arrive by being resent. */
  readonly offline: boolean;
  acknowledged: boolean;
  relayed: boolean;
}

/** The counts the soak prints at the end. */
export interface LedgerCounts {
  readonly sent: number;
  readonly sentOffline: number;
  readonly acknowledged: number;
  readonly relayed: number;
  readonly unacknowledged: number;
  readonly lost: number;
}

/** A fresh ledger. */
export function createLedger() {
  const entries = new Map<string, Entry>();
  const lost = new Set<string>();

  return {
    /** A writer made edit `id` in `room`, connected or not. */
    sent(id: string, room: string, writer: string, offline: boolean): void {
      entries.set(id, { room, writer, offline, acknowledged: false, relayed: false });
    },
    /** Client `by` has seen item `id`; counts as relayed when `by` is not its writer. */
    seen(id: string, by: string): void {
      const entry = entries.get(id);
      if (entry && entry.writer !== by) entry.relayed = true;
    },
    /** The server's stored state of `room` holds these item ids. */
    stored(room: string, ids: Iterable<string>): void {
      for (const id of ids) {
        const entry = entries.get(id);
        if (entry && entry.room === room) entry.acknowledged = true;
      }
    },
    /** The edits of `room` that must survive anything from now on: acknowledged or relayed. */
    survivors(room: string): Set<string> {
      const ids = new Set<string>();
      for (const [id, e] of entries) if (e.room === room && (e.acknowledged || e.relayed)) ids.add(id);
      return ids;
    },
    /**
     * Compares a reload of a room from the store with the survivors taken before the server
     * went down; returns the ids newly found missing (each is counted once).
     */
    checkReload(survivors: ReadonlySet<string>, present: ReadonlySet<string>): string[] {
      const missing = [...survivors].filter((id) => !present.has(id) && !lost.has(id));
      missing.forEach((id) => lost.add(id));
      return missing;
    },
    /** Ids of `room`'s edits not yet acknowledged. */
    pending(room: string): string[] {
      return [...entries].filter(([, e]) => e.room === room && !e.acknowledged).map(([id]) => id);
    },
    counts(): LedgerCounts {
      const all = [...entries.values()];
      return {
        sent: all.length,
        sentOffline: all.filter((e) => e.offline).length,
        acknowledged: all.filter((e) => e.acknowledged).length,
        relayed: all.filter((e) => e.relayed).length,
        unacknowledged: all.filter((e) => !e.acknowledged).length,
        lost: lost.size,
      };
    },
  };
}

/** The ledger type. */
export type Ledger = ReturnType<typeof createLedger>;

/**
 * What a room needs to share its stored changes and its presence with the other instances
 * serving the same board (DESIGN.md contract 2: a client on one instance and a client on
 * another edit together as if on one). Redis streams carry it (redisFanout.ts); a single
 * instance has no fan-out at all.
 *
 * The durability promise holds across instances because a room publishes an update only after
 * storing it: whatever another instance receives is already in PostgreSQL, so a lost or trimmed
 * message is repaired by reading the store again (`resync`).
 */

/** Where a room's update stream stood when it was read; a room loads the store after taking it. */
export type StreamPosition = string;

/** What one instance's room hears from the others. */
export interface RoomListener {
  /** A stored update of another instance. */
  update(update: Uint8Array): void;
  /** Another instance's presence changes (a y-protocols awareness update), tagged with its id. */
  presence(update: Uint8Array, instance: string): void;
  /** An instance joined the room and asks for everyone's presence. */
  presenceQuery(): void;
  /** Something may have been missed (a gap, Redis away): read the store again. */
  resync(): void;
}

/** One room's link to the others. */
export interface RoomChannel {
  /** Sends a stored update; never throws (a failure makes the others resync later). */
  publishUpdate(update: Uint8Array): void;
  /** Sends this instance's presence changes; lost ones are renewed by the clients. */
  publishPresence(update: Uint8Array): void;
  /** Stops listening. */
  close(): void;
}

/** How long a lock lives and how long to wait for it. */
export interface LockTiming {
  readonly ttlMs: number;
  readonly waitMs: number;
}

/** What `withLock` did. */
export type Locked<T> =
  { readonly ran: true; readonly value: T } | { readonly ran: false; readonly why: 'busy' | 'unavailable' };

/** The fan-out of one instance. */
export interface Fanout {
  /** This instance's id in the messages it sends. */
  readonly instance: string;
  /**
   * The room's stream position now; take it before loading the store, then `join` from it.
   * Null when Redis is away: the room then reads the store again once the position is known.
   */
  position(room: string): Promise<StreamPosition | null>;
  /** Listens to the room from `from` on (nothing published after it is missed). */
  join(room: string, from: StreamPosition | null, listener: RoomListener): RoomChannel;
  /**
   * Runs `fn` while holding the lock `name` (one instance at a time), waiting up to `waitMs`
   * for it; the lock expires after `ttlMs` should this instance die holding it. Without the
   * lock, `fn` does not run: `busy` when another instance kept it, `unavailable` when Redis is away.
   */
  withLock<T>(name: string, fn: () => Promise<T>, timing: LockTiming): Promise<Locked<T>>;
  /**
   * Claims `name` for `ttlMs` unless another instance holds it: true when this one may do the
   * work (also when Redis is away: doing it twice beats not doing it).
   */
  claim(name: string, ttlMs: number): Promise<boolean>;
  /** Resolves when Redis answers (/readyz). */
  ping(): Promise<void>;
  /** Stops listening and closes the connections. */
  close(): Promise<void>;
}

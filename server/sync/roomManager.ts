/**
 * Keeps the loaded rooms: loads a room on its first connection, keeps a content room's control
 * room loaded alongside it (the lock must be known), and unloads a room `unloadMs` after its
 * last connection left. A connection arriving while its room unloads waits for the unload to
 * finish and then loads the room afresh, so one room never has two live copies.
 */
import type { ServerMetrics } from '../serverMetrics';
import type { Storage } from '../storage/storage';
import { CLOSE } from './closeCodes';
import type { Connection } from './connection';
import type { Fanout } from '../fanout/fanout';
import { Room, type ControlEvent, type RoomContext } from './room';
import { RoomUnavailableError } from './roomQueue';
import { controlRoomName, type RoomName } from './roomName';

/** Settings of the room manager. */
export interface RoomManagerOptions {
  readonly storage: Storage;
  readonly metrics: ServerMetrics;
  readonly unloadMs: number;
  readonly compactAfterUpdates: number;
  readonly maxAwarenessBytes: number;
  readonly awarenessFlushMs: number;
  readonly maxDocBytes: number;
  /** See RoomContext.onEditedUnload: the automatic snapshot when the last person has left. */
  readonly onEditedUnload?: (room: Room, state: Uint8Array) => Promise<void>;
  /** See RoomContext.onControl: facilitation reacting to stored control changes. */
  readonly onControl?: (room: Room, event: ControlEvent) => void;
  /** The other instances (REDIS_URL), see RoomContext.fanout. */
  readonly fanout?: Fanout;
}

interface Entry {
  readonly room: Room;
  /** Content rooms depending on this (control) room. */
  dependents: number;
  /** Server work holding the room loaded (a restore), see `withRoom`. */
  holds: number;
  timer: NodeJS.Timeout | null;
}

/** All rooms of one server. */
export class RoomManager {
  private readonly entries = new Map<string, Entry>();
  private readonly ctx: RoomContext;
  private stopping = false;

  constructor(private readonly options: RoomManagerOptions) {
    this.ctx = {
      storage: options.storage,
      metrics: options.metrics,
      compactAfterUpdates: options.compactAfterUpdates,
      maxAwarenessBytes: options.maxAwarenessBytes,
      awarenessFlushMs: options.awarenessFlushMs,
      maxDocBytes: options.maxDocBytes,
      ...(options.fanout ? { fanout: options.fanout } : {}),
      onClosed: (room) => this.forget(room),
      onEditedUnload: (room, state) => options.onEditedUnload?.(room, state) ?? Promise.resolve(),
      onControl: (room, event) => options.onControl?.(room, event),
    };
  }

  /** Number of loaded rooms. */
  get size(): number {
    return this.entries.size;
  }

  /** Every loaded content room that is not unloading (automatic snapshots look at each). */
  contentRooms(): Room[] {
    return [...this.entries.values()]
      .map((e) => e.room)
      .filter((room) => room.kind === 'content' && !room.isClosing);
  }

  /** The loaded room of this name, if any (tests and the API peek, never create). */
  peek(name: string): Room | undefined {
    return this.entries.get(name)?.room;
  }

  /** Puts a connection into its room, loading the room when needed; null if shutting down or gone. */
  async join(conn: Connection, target: RoomName): Promise<Room | null> {
    const entry = await this.acquire(target);
    if (!entry) return null;
    if (conn.closed) {
      // It left while its room was being found; the room may now be unused.
      this.maybeScheduleUnload(entry);
      return null;
    }
    entry.room.join(conn);
    return entry.room;
  }

  /**
   * Runs `fn` with the board's content room loaded (loading it if needed) and held loaded
   * until `fn` settles; rejects with RoomUnavailableError when the server is stopping or the
   * room fails to load (naming why).
   */
  async withRoom<T>(boardId: string, fn: (room: Room) => Promise<T>): Promise<T> {
    const entry = await this.acquire({ name: boardId, boardId, kind: 'content' });
    if (!entry) throw new RoomUnavailableError('the server is stopping', CLOSE.goingAway);
    entry.holds += 1;
    try {
      if (!(await entry.room.loaded)) throw entry.room.unavailable();
      return await fn(entry.room);
    } finally {
      entry.holds -= 1;
      this.maybeScheduleUnload(entry);
    }
  }

  /** Takes a closed connection out of its room; an empty room unloads after the delay. */
  leave(conn: Connection, name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.room.leave(conn);
    this.maybeScheduleUnload(entry);
  }

  /** Unloads every room (connections are closed with 1001), storing their final states. */
  async closeAll(): Promise<void> {
    this.stopping = true;
    const rooms = [...this.entries.values()].map((e) => e.room);
    // Content rooms first: each releases its control room, which then unloads too.
    await Promise.all(rooms.filter((r) => r.kind === 'content').map((r) => r.unload()));
    await Promise.all([...this.entries.values()].map((e) => e.room.unload()));
  }

  private async acquire(target: RoomName): Promise<Entry | null> {
    for (;;) {
      if (this.stopping) return null;
      const existing = this.entries.get(target.name);
      if (!existing) break;
      if (!existing.room.isClosing) {
        this.cancelUnload(existing);
        return existing;
      }
      await existing.room.closed;
    }
    let controlRoom: Room | null = null;
    if (target.kind === 'content') {
      const control = await this.acquire({
        name: controlRoomName(target.boardId),
        boardId: target.boardId,
        kind: 'control',
      });
      if (!control) return null;
      // Another connection may have created the content room while we waited.
      const raced = this.entries.get(target.name);
      if (raced && !raced.room.isClosing) {
        this.maybeScheduleUnload(control);
        this.cancelUnload(raced);
        return raced;
      }
      control.dependents += 1;
      controlRoom = control.room;
    }
    const entry: Entry = {
      room: new Room(target.name, target.boardId, target.kind, this.ctx, controlRoom),
      dependents: 0,
      holds: 0,
      timer: null,
    };
    this.entries.set(target.name, entry);
    return entry;
  }

  private cancelUnload(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
  }

  private maybeScheduleUnload(entry: Entry): void {
    if (
      entry.timer ||
      entry.room.members.size > 0 ||
      entry.dependents > 0 ||
      entry.holds > 0 ||
      entry.room.isClosing
    )
      return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.room.members.size === 0 && entry.dependents === 0 && entry.holds === 0)
        void entry.room.unload();
    }, this.options.unloadMs);
  }

  private forget(room: Room): void {
    const entry = this.entries.get(room.name);
    if (entry?.room !== room) return;
    this.cancelUnload(entry);
    this.entries.delete(room.name);
    if (room.controlRoom) {
      const control = this.entries.get(room.controlRoom.name);
      if (control?.room === room.controlRoom) {
        control.dependents -= 1;
        // The content room already waited out the delay; an unused control room goes with it.
        if (this.stopping || (control.dependents === 0 && control.room.members.size === 0))
          void control.room.unload();
        else this.maybeScheduleUnload(control);
      }
    }
    // A control room that failed takes its content room down: the lock would be unknown.
    const content = room.kind === 'control' ? this.entries.get(room.boardId) : undefined;
    if (content?.room.controlRoom === room)
      content.room.fail(CLOSE.internalError, 'control document unavailable');
  }
}

/**
 * One room: one Y.Doc, its connections and a queue that runs everything touching the document
 * in arrival order.
 *
 * The queue is what keeps the durability promise with an asynchronous store: a batch of
 * client updates is applied, the changes it produced are appended to storage, and only then
 * are they relayed. Sync step 1 replies wait in the same queue, so no client is ever sent
 * state that is not yet stored. The first operation of every room is its load (and, for a
 * content document, its migration, which is stored too), so no sync message leaves before it.
 */
import * as Y from 'yjs';
import { MigrationError, migrateDoc } from '../../shared/migrations';
import { getMeta } from '../../shared/ydoc';
import { log } from '../log';
import type { ServerMetrics } from '../serverMetrics';
import type { Storage } from '../storage/storage';
import { CLOSE } from './closeCodes';
import type { Connection } from './connection';
import { LockState } from './lockState';
import {
  MalformedMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
} from './protocol';
import { RoomAwareness } from './roomAwareness';
import type { RoomKind } from './roomName';
import { UpdateLog } from './updateLog';
import { applyWrite } from './writePolicy';

/** What a room needs from the server. */
export interface RoomContext {
  readonly storage: Storage;
  readonly metrics: ServerMetrics;
  readonly compactAfterUpdates: number;
  readonly maxAwarenessBytes: number;
  readonly awarenessFlushMs: number;
  /** Called once the room has unloaded or failed, so the manager forgets it. */
  readonly onClosed: (room: Room) => void;
  /**
   * Called in the queue while a content room that was edited since it loaded unloads (the
   * last person left and nobody came back), with its final state: the automatic snapshot.
   */
  readonly onEditedUnload?: (room: Room, state: Uint8Array) => Promise<void>;
}

type Write = { readonly kind: 'write'; readonly conn: Connection; readonly update: Uint8Array };
type Op = Write | { readonly kind: 'task'; readonly run: () => Promise<void> | void };

/** Origin of the stored updates replayed at load; they are not stored again. */
const LOADED = Symbol('loaded');

/** Origin of changes the server makes itself (a restore). */
export const SERVER_ORIGIN = Symbol('server');

/** A loaded (or loading) room. */
export class Room {
  readonly doc = new Y.Doc();
  /** Every connection of the room, including those still waiting for the load. */
  readonly members = new Set<Connection>();
  /** Connections that got sync step 1 and receive updates and presence. */
  private readonly conns = new Set<Connection>();
  private readonly presence: RoomAwareness;
  private readonly log: UpdateLog;
  /** For control rooms: the board's lock. */
  readonly lock: LockState | null;
  private readonly queue: Op[] = [];
  private working = false;
  private unstored: { update: Uint8Array; origin: unknown }[] = [];
  private state: 'open' | 'closing' | 'closed' = 'open';
  /** Whether anything was stored since the load (the migration aside). */
  private edited = false;
  private resolveLoaded!: (ok: boolean) => void;
  /** Resolves true once loaded, false if the load failed. */
  readonly loaded = new Promise<boolean>((resolve) => (this.resolveLoaded = resolve));
  private resolveClosed!: () => void;
  /** Resolves once the room has unloaded (or failed), its state stored. */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  constructor(
    readonly name: string,
    readonly boardId: string,
    readonly kind: RoomKind,
    private readonly ctx: RoomContext,
    /** For content rooms: the board's control room, held loaded while this room is. */
    readonly controlRoom: Room | null = null,
  ) {
    this.lock = kind === 'control' ? new LockState(this.doc) : null;
    this.log = new UpdateLog(ctx.storage, name, ctx.compactAfterUpdates, ctx.metrics);
    this.presence = new RoomAwareness(this.doc, {
      maxStateBytes: ctx.maxAwarenessBytes,
      flushMs: ctx.awarenessFlushMs,
      dropped: ctx.metrics.dropped,
      broadcast: (message) => this.conns.forEach((c) => c.send(message, 'awareness')),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOADED) this.unstored.push({ update, origin });
    });
    this.enqueue({ kind: 'task', run: () => this.load() });
  }

  /** True once unloading began; the manager then waits for `closed` before reloading. */
  get isClosing(): boolean {
    return this.state !== 'open';
  }

  /** Adds a connection; it gets sync step 1 and the presence once the room has loaded. */
  join(conn: Connection): void {
    this.members.add(conn);
    this.enqueue({
      kind: 'task',
      run: () => {
        if (conn.closed) return;
        this.conns.add(conn);
        conn.send(encodeSyncStep1(this.doc), 'sync');
        const presence = this.presence.snapshot();
        if (presence) conn.send(presence, 'awareness');
      },
    });
  }

  /** Removes a closed connection and its presence. */
  leave(conn: Connection): void {
    this.members.delete(conn);
    this.conns.delete(conn);
    this.presence.release(conn);
  }

  /** Handles one decoded message; protocol errors close that connection with 4400. */
  receive(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'syncStep1':
        this.enqueue({
          kind: 'task',
          run: () =>
            this.guard(conn, () => conn.send(encodeSyncStep2(this.doc, message.stateVector), 'sync')),
        });
        break;
      case 'syncStep2':
      case 'update':
        this.enqueue({ kind: 'write', conn, update: message.update });
        break;
      case 'awareness':
        this.guard(conn, () => this.presence.receive(conn, message.update));
        break;
      case 'queryAwareness': {
        const presence = this.presence.snapshot();
        if (presence) conn.send(presence, 'awareness');
        break;
      }
      case 'auth':
        break;
    }
  }

  /** Runs `fn` on the document after everything queued before it; it sees only stored state. */
  read<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    return this.run(() => fn(this.doc));
  }

  /**
   * A change made by the server (a restore): made in the queue like a client's write, stored,
   * then relayed to every connection, so it keeps the durability promise and everyone sees it.
   */
  change<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    return this.run(async () => {
      const result = this.doc.transact(() => fn(this.doc), SERVER_ORIGIN);
      const changes = await this.store();
      if (changes.length > 0) {
        this.edited = true;
        const message = encodeUpdate(Y.mergeUpdates(changes.map((c) => c.update)));
        this.conns.forEach((c) => c.send(message, 'sync'));
      }
      if (this.log.compactionDue) await this.log.compact(this.doc);
      return result;
    });
  }

  private run<T>(fn: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.state !== 'open') {
        reject(new Error(`room ${this.name} is unloading`));
        return;
      }
      this.enqueue({
        kind: 'task',
        run: async () => {
          try {
            resolve(await fn());
          } catch (error) {
            reject(error as Error);
          }
        },
      });
    });
  }

  /** Unloads once the queue drains: compacts the log and keeps the board's listed title current. */
  unload(): Promise<void> {
    if (this.state === 'open') {
      this.state = 'closing';
      this.enqueue({ kind: 'task', run: () => this.finish() });
    }
    return this.closed;
  }

  /** Closes every connection and forgets the room without storing more. */
  fail(code: number, reason: string, error?: unknown): void {
    if (this.state === 'closed') return;
    log('error', 'room.failed', { room: this.name, code, reason, error });
    this.queue.length = 0;
    for (const conn of this.members) conn.close(code, reason);
    this.close();
  }

  private enqueue(op: Op): void {
    if (this.state === 'closed') return;
    this.queue.push(op);
    if (!this.working) void this.work();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      while (this.queue.length > 0 && this.state !== 'closed') {
        const op = this.queue.shift()!;
        try {
          if (op.kind === 'task') {
            await op.run();
          } else {
            const batch = [op];
            while (this.queue[0]?.kind === 'write') batch.push(this.queue.shift() as Write);
            await this.write(batch);
          }
        } catch (error) {
          this.fail(CLOSE.internalError, 'room error', error);
        }
      }
    } finally {
      this.working = false;
    }
  }

  private async load(): Promise<void> {
    const started = performance.now();
    // The lock must be known before the first participant write is judged.
    if (this.controlRoom && !(await this.controlRoom.loaded)) {
      this.fail(CLOSE.internalError, 'control document unavailable');
      return;
    }
    const updates = await this.log.load();
    if (updates.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates([...updates]), LOADED);
    let migrated = {};
    if (this.kind === 'content') {
      try {
        const result = migrateDoc(this.doc, { origin: 'migration' });
        if (result.applied.length > 0) migrated = { migratedFrom: result.from, migratedTo: result.to };
      } catch (error) {
        if (!(error instanceof MigrationError)) throw error;
        this.fail(CLOSE.documentTooNew, 'this board needs a newer server', error);
        return;
      }
    }
    await this.store();
    if (this.log.compactionDue) await this.log.compact(this.doc);
    this.ctx.metrics.roomsLoaded.inc();
    this.resolveLoaded(true);
    const ms = Math.round(performance.now() - started);
    log('info', 'room.loaded', { room: this.name, updates: updates.length, ms, ...migrated });
  }

  /** Applies a batch of client writes, stores what changed, then relays it. */
  private async write(batch: readonly Write[]): Promise<void> {
    let reverted = false;
    for (const { conn, update } of batch) {
      try {
        reverted =
          applyWrite(this.doc, this.kind, this.controlRoom?.lock ?? null, conn, update, this.ctx.metrics) ||
          reverted;
      } catch (error) {
        if (!(error instanceof MalformedMessage)) throw error;
        this.malformed(conn, error);
      }
    }
    const changes = await this.store();
    if (changes.length === 0) return;
    this.edited = true;
    if (reverted) {
      // Edit and undo travel together, to everyone, so no one sees the refused edit land.
      const message = encodeUpdate(Y.mergeUpdates(changes.map((c) => c.update)));
      this.conns.forEach((c) => c.send(message, 'sync'));
    } else {
      for (const { update, origin } of changes) {
        const message = encodeUpdate(update);
        this.conns.forEach((c) => c !== origin && c.send(message, 'sync'));
      }
    }
    if (this.log.compactionDue) await this.log.compact(this.doc);
  }

  /** Appends every change the document emitted since the last call, merged; returns them. */
  private async store(): Promise<{ update: Uint8Array; origin: unknown }[]> {
    const changes = this.unstored;
    if (changes.length === 0) return changes;
    this.unstored = [];
    await this.log.append(
      changes.length === 1 ? changes[0]!.update : Y.mergeUpdates(changes.map((c) => c.update)),
    );
    return changes;
  }

  private async finish(): Promise<void> {
    for (const conn of this.members) conn.close(CLOSE.goingAway, 'room closed');
    if (this.log.hasUncompacted) await this.log.compact(this.doc);
    if (this.kind === 'content') {
      const title = getMeta(this.doc).get('title');
      if (typeof title === 'string') await this.ctx.storage.updateBoardTitle(this.boardId, title);
      if (this.edited && this.ctx.onEditedUnload) {
        // A failed snapshot must not keep the room (and its stored state) from unloading.
        await this.ctx.onEditedUnload(this, Y.encodeStateAsUpdate(this.doc)).catch((error: unknown) => {
          log('error', 'snapshot.auto_failed', { room: this.name, error });
        });
      }
    }
    log('info', 'room.unloaded', { room: this.name });
    this.close();
  }

  private close(): void {
    this.state = 'closed';
    this.resolveLoaded(false);
    this.presence.destroy();
    this.doc.destroy();
    this.members.clear();
    this.conns.clear();
    this.resolveClosed();
    this.ctx.onClosed(this);
  }

  private malformed(conn: Connection, error: MalformedMessage): void {
    log('warn', 'ws.malformed', { room: this.name, connection: conn.id, error });
    conn.close(CLOSE.malformed, 'malformed message');
  }

  private guard(conn: Connection, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (error instanceof MalformedMessage) this.malformed(conn, error);
      else throw error;
    }
  }
}

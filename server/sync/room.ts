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
import { ROOT, getMeta } from '../../shared/ydoc';
import type { Fanout, RoomChannel, RoomListener } from '../fanout/fanout';
import { log } from '../log';
import type { ServerMetrics } from '../serverMetrics';
import type { Storage } from '../storage/storage';
import { CLOSE } from './closeCodes';
import type { Connection } from './connection';
import { isLoadProblem, migrateOrExplain } from './loadProblem';
import { ControlState } from './controlState';
import {
  MalformedMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
} from './protocol';
import { RoomAwareness } from './roomAwareness';
import { RoomQueue, RoomUnavailableError, type Write } from './roomQueue';
import type { RoomKind } from './roomName';
import { DocSizeBudget } from './docSizeBudget';
import { UpdateLog } from './updateLog';
import { applyWrite } from './writePolicy';

/** What a room needs from the server. */
export interface RoomContext {
  readonly storage: Storage;
  readonly metrics: ServerMetrics;
  readonly compactAfterUpdates: number;
  readonly maxAwarenessBytes: number;
  readonly awarenessFlushMs: number;
  /** Largest encoded document a write may produce (MAX_DOC_BYTES); see docSizeBudget.ts. */
  readonly maxDocBytes: number;
  /** The other instances serving the same boards (REDIS_URL); absent for a single instance. */
  readonly fanout?: Fanout;
  /** Called once the room has unloaded or failed, so the manager forgets it. */
  readonly onClosed: (room: Room) => void;
  /**
   * Called in the queue while a content room that was edited since it loaded unloads (the
   * last person left and nobody came back), with its final state: the automatic snapshot.
   */
  readonly onEditedUnload?: (room: Room, state: Uint8Array) => Promise<void>;
  /**
   * For control rooms: called once loaded, after every stored change (the facilitator's writes,
   * in the queue, before the next one), and once closed, so facilitation reacts to what is
   * stored (a revealed vote, a phase change) and nothing else. `remote` is a change another
   * instance stored (and reacts to): the new baseline only.
   */
  readonly onControl?: (room: Room, event: ControlEvent) => void;
}

/** What a control room tells facilitation (RoomContext.onControl). */
export type ControlEvent = 'loaded' | 'stored' | 'remote' | 'closed';

/** Origin of the stored updates replayed at load; they are not stored again. */
const LOADED = Symbol('loaded');

/** Origin of updates another instance stored: relayed here, not stored again. */
const REMOTE = Symbol('remote');

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
  /** For control rooms: the board's facilitation state (lock, locked items, vote, phase). */
  readonly control: ControlState | null;
  private readonly queue: RoomQueue;
  /** The link to other instances, once loaded (with a fan-out only). */
  private channel: RoomChannel | null = null;
  /** Other instances' updates waiting for their task in the queue. */
  private remoteBacklog: Uint8Array[] = [];
  /** A read of the store is queued to catch up with other instances. */
  private resyncQueued = false;
  private unstored: { update: Uint8Array; origin: unknown }[] = [];
  /** Bytes in `unstored`. */
  private unstoredBytes = 0;
  private readonly budget: DocSizeBudget;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private failed: { readonly code: number; readonly reason: string } | null = null;
  /** Whether anything was stored since the load (the migration aside), or came from another instance. */
  private edited = false;
  /** Goes up with every stored change but the load's: automatic snapshots ask what is new. */
  private changesStored = 0;
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
    this.control = kind === 'control' ? new ControlState(this.doc) : null;
    // Typed roots: the write rules read what a write changed from their events.
    if (kind === 'content') for (const root of Object.values(ROOT)) this.doc.getMap(root);
    this.log = new UpdateLog(ctx.storage, name, ctx.compactAfterUpdates, ctx.metrics, ctx.fanout ?? null);
    this.presence = new RoomAwareness(this.doc, {
      maxStateBytes: ctx.maxAwarenessBytes,
      flushMs: ctx.awarenessFlushMs,
      dropped: ctx.metrics.dropped,
      broadcast: (message) => this.conns.forEach((c) => c.send(message, 'awareness')),
      publish: (update) => this.channel?.publishPresence(update),
    });
    this.budget = new DocSizeBudget(ctx.maxDocBytes, () => Y.encodeStateAsUpdate(this.doc).byteLength);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOADED || origin === REMOTE) return;
      this.unstored.push({ update, origin });
      this.unstoredBytes += update.byteLength;
    });
    this.queue = new RoomQueue({
      write: (batch) => this.write(batch),
      failed: (error) => this.fail(CLOSE.internalError, 'room error', error),
    });
    this.queue.task(() => this.load());
  }

  /** Why the room failed, once it has: the close code and reason its connections got. */
  get failure(): { readonly code: number; readonly reason: string } | null {
    return this.failed;
  }

  /** Operations waiting in the queue behind the running one (tests wait on it). */
  get queued(): number {
    return this.queue.length;
  }

  /** True once unloading began; the manager then waits for `closed` before reloading. */
  get isClosing(): boolean {
    return this.state !== 'open';
  }

  /** Adds a connection; it gets sync step 1 and the presence once the room has loaded. */
  join(conn: Connection): void {
    this.members.add(conn);
    this.queue.task(() => {
      if (conn.closed) return;
      this.conns.add(conn);
      conn.send(encodeSyncStep1(this.doc), 'sync');
      const presence = this.presence.snapshot();
      if (presence) conn.send(presence, 'awareness');
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
        this.queue.task(() =>
          this.guard(conn, () => conn.send(encodeSyncStep2(this.doc, message.stateVector), 'sync')),
        );
        break;
      case 'syncStep2':
      case 'update':
        this.queue.write({ conn, update: message.update, step2: message.type === 'syncStep2' });
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
      let changes;
      try {
        changes = await this.store();
      } catch (error) {
        // The change is in memory but not stored: the room must not go on serving it.
        this.fail(CLOSE.internalError, 'room error', error);
        throw this.unavailable();
      }
      if (changes.length > 0) {
        this.noteStored();
        const message = encodeUpdate(Y.mergeUpdates(changes.map((c) => c.update)));
        this.conns.forEach((c) => c.send(message, 'sync'));
      }
      await this.compactIfDue();
      return result;
    });
  }

  private run<T>(fn: () => T | Promise<T>): Promise<T> {
    // Nothing new is taken once unloading began; what is queued still runs before the unload.
    return this.state === 'open' ? this.queue.run(fn) : Promise.reject(this.unavailable());
  }

  /** Why the room cannot do more work: its failure, or that it unloaded. */
  unavailable(): RoomUnavailableError {
    return this.failed
      ? new RoomUnavailableError(`board unavailable: ${this.failed.reason}`, this.failed.code)
      : new RoomUnavailableError(`room ${this.name} is unloading`, null);
  }

  /** Unloads once the queue drains: compacts the log and keeps the board's listed title current. */
  unload(): Promise<void> {
    if (this.state === 'open') {
      this.state = 'closing';
      this.queue.task(() => this.finish());
    }
    return this.closed;
  }

  /** Closes every connection and forgets the room without storing more. */
  fail(code: number, reason: string, error?: unknown): void {
    if (this.state === 'closed') return;
    log('error', 'room.failed', { room: this.name, code, reason, error });
    this.failed = { code, reason };
    for (const conn of this.members) conn.close(code, reason);
    this.close();
  }

  private async load(): Promise<void> {
    const started = performance.now();
    // The lock must be known before the first participant write is judged.
    if (this.controlRoom && !(await this.controlRoom.loaded)) {
      this.fail(CLOSE.internalError, 'control document unavailable');
      return;
    }
    // The stream's position comes first: whatever another instance stores after the read
    // below is published after it, so the room misses nothing in between.
    const position = this.ctx.fanout ? await this.ctx.fanout.position(this.name) : null;
    const updates = await this.log.load();
    if (updates.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates([...updates]), LOADED);
    let migrated = {};
    if (this.kind === 'content') {
      const result = migrateOrExplain(this.doc, 'migration');
      if (isLoadProblem(result)) {
        this.fail(result.closeCode, result.reason);
        return;
      }
      if (result.applied.length > 0) migrated = { migratedFrom: result.from, migratedTo: result.to };
    }
    await this.store();
    const compacted = this.log.compactionDue ? await this.log.compact(this.doc) : null;
    this.budget.reset(compacted ?? Y.encodeStateAsUpdate(this.doc).byteLength);
    this.ctx.metrics.roomsLoaded.inc();
    if (this.ctx.fanout) this.channel = this.ctx.fanout.join(this.name, position, this.listener());
    this.resolveLoaded(true);
    if (this.kind === 'control') this.ctx.onControl?.(this, 'loaded');
    const ms = Math.round(performance.now() - started);
    log('info', 'room.loaded', { room: this.name, updates: updates.length, ms, ...migrated });
  }

  /** Applies a batch of client writes, stores what changed, then relays it. */
  private async write(batch: readonly Write[]): Promise<void> {
    let reverted = false;
    for (const { conn, update, step2 } of batch) {
      const before = this.unstored.length;
      const stateBefore = Y.encodeStateVector(this.doc);
      try {
        const outcome = applyWrite(
          {
            doc: this.doc,
            kind: this.kind,
            control: this.controlRoom?.control ?? null,
            metrics: this.ctx.metrics,
            budget: this.budget,
            pendingBytes: this.unstoredBytes,
          },
          conn,
          update,
        );
        if (outcome === 'reverted') {
          reverted = true;
          this.replaceReverted(before, stateBefore);
        }
      } catch (error) {
        if (!(error instanceof MalformedMessage)) throw error;
        this.malformed(conn, error);
      }
      if (step2) conn.sentSyncStep2 = true;
    }
    const changes = await this.store();
    if (changes.length === 0) return;
    this.noteStored();
    if (reverted) {
      // Edit and undo travel together, to everyone, so no one sees the refused edit land.
      const message = encodeUpdate(Y.mergeUpdates(changes.map((c) => c.update)));
      this.conns.forEach((c) => c.send(message, 'sync'));
    } else if (changes.length === 1) {
      const message = encodeUpdate(changes[0]!.update);
      this.conns.forEach((c) => c !== changes[0]!.origin && c.send(message, 'sync'));
    } else {
      // Under load a batch holds many writes: whoever wrote none of them gets them as one
      // merged frame (one frame per client per batch, not one per write); an author gets
      // the others' changes, never its own back.
      const authors = new Set(changes.map((c) => c.origin));
      const merged = encodeUpdate(Y.mergeUpdates(changes.map((c) => c.update)));
      const each = changes.map(({ update, origin }) => ({ origin, message: encodeUpdate(update) }));
      this.conns.forEach((c) => {
        if (!authors.has(c)) c.send(merged, 'sync');
        else for (const { origin, message } of each) if (origin !== c) c.send(message, 'sync');
      });
    }
    await this.compactIfDue();
  }

  /**
   * What a reverted write emitted (the edit, with all it carried, and its undo) is replaced by
   * the difference it left: its structs, now deleted and garbage-collected down to their
   * lengths, and the deletions. That is what gets stored and relayed, so a refused megabyte
   * reaches neither the store nor anyone else, while every replica still sees the author's
   * chain without a gap. (The difference carries the document's whole delete set; refusals
   * are rare enough for that to be cheap.)
   */
  private replaceReverted(from: number, stateBefore: Uint8Array): void {
    for (const { update } of this.unstored.splice(from)) this.unstoredBytes -= update.byteLength;
    const difference = Y.encodeStateAsUpdate(this.doc, stateBefore);
    this.unstored.push({ update: difference, origin: SERVER_ORIGIN });
    this.unstoredBytes += difference.byteLength;
  }

  private async compactIfDue(): Promise<void> {
    if (!this.log.compactionDue) return;
    const size = await this.log.compact(this.doc);
    if (size !== null) this.budget.reset(size);
  }

  /** Counts a stored change and tells facilitation about a control room's. */
  private noteStored(): void {
    this.edited = true;
    this.changesStored += 1;
    if (this.kind === 'control') this.ctx.onControl?.(this, 'stored');
  }

  /** How many changes were stored since the room loaded; grows with every edit. */
  get version(): number {
    return this.changesStored;
  }

  /** Appends every change the document emitted since the last call, merged; returns them. */
  private async store(): Promise<{ update: Uint8Array; origin: unknown }[]> {
    const changes = this.unstored;
    if (changes.length === 0) return changes;
    this.unstored = [];
    this.unstoredBytes = 0;
    const update = changes.length === 1 ? changes[0]!.update : Y.mergeUpdates(changes.map((c) => c.update));
    await this.log.append(update);
    this.budget.stored(update.byteLength);
    // Stored first, so another instance never serves what a crash here could lose.
    this.channel?.publishUpdate(update);
    return changes;
  }

  /** What the other instances' messages do to this room. */
  private listener(): RoomListener {
    return {
      update: (update) => {
        // What arrives together is applied and relayed together: one frame per client, not one per message.
        this.remoteBacklog.push(update);
        if (this.remoteBacklog.length > 1) return;
        this.queue.task(() => {
          const updates = this.remoteBacklog;
          this.remoteBacklog = [];
          this.applyRemote(updates, 'received');
        });
      },
      resync: () => {
        if (this.resyncQueued) return;
        this.resyncQueued = true;
        this.queue.task(async () => {
          this.resyncQueued = false;
          this.ctx.metrics.fanoutResyncs.inc();
          const stored = await this.ctx.storage.load(this.name);
          if (stored.updates.length > 0) this.applyRemote(stored.updates, 'new');
        });
      },
      presence: (update, instance) => {
        try {
          this.presence.receiveRemote(instance, update);
        } catch (error) {
          log('warn', 'redis.bad_presence', { room: this.name, instance, error });
        }
      },
      presenceQuery: () => {
        const mine = this.presence.localSnapshot();
        if (mine) this.channel?.publishPresence(mine);
      },
    };
  }

  /**
   * Applies what another instance stored and, when any of it was new here, relays to this
   * room's connections either what was received (as the storing instance relayed it: a text
   * typed and replaced within one batch still reaches everyone, as on a single instance) or,
   * after reading the whole store, only what was new.
   */
  private applyRemote(updates: readonly Uint8Array[], relay: 'received' | 'new'): void {
    const fresh: Uint8Array[] = [];
    let received: Uint8Array | null = null;
    const collect = (change: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) fresh.push(change);
    };
    const apply = (update: Uint8Array) => {
      try {
        Y.applyUpdate(this.doc, update, REMOTE);
        return true;
      } catch (error) {
        // It came from our own deployment, so this is a bug, not an attack: say so, keep serving.
        log('error', 'redis.bad_update', { room: this.name, error });
        return false;
      }
    };
    this.doc.on('update', collect);
    try {
      let merged: Uint8Array | null = updates.length === 1 ? updates[0]! : null;
      if (updates.length > 1) {
        try {
          merged = Y.mergeUpdates([...updates]);
        } catch {
          merged = null;
        }
      }
      if (merged && apply(merged)) received = merged;
      // One bad message must not take the good ones of its batch with it (nor go out itself).
      else if (updates.length > 1) updates.forEach(apply);
    } finally {
      this.doc.off('update', collect);
    }
    if (fresh.length === 0) return;
    this.budget.stored(fresh.reduce((bytes, change) => bytes + change.byteLength, 0));
    // Someone changed the board: when everyone has left, this instance may be the one to snapshot it.
    this.edited = true;
    const message = encodeUpdate(
      relay === 'received' && received ? received : fresh.length === 1 ? fresh[0]! : Y.mergeUpdates(fresh),
    );
    this.conns.forEach((c) => c.send(message, 'sync'));
    if (this.kind === 'control') this.ctx.onControl?.(this, 'remote');
  }

  private async finish(): Promise<void> {
    for (const conn of this.members) conn.close(CLOSE.goingAway, 'room closed');
    if (this.log.hasUncompacted) await this.log.compact(this.doc);
    if (this.kind === 'content') {
      const title = getMeta(this.doc).get('title');
      if (typeof title === 'string') await this.ctx.storage.updateBoardTitle(this.boardId, title);
      // With other instances, the last to see people leave takes it: while clients are still
      // on the board elsewhere, nobody has left yet.
      if (this.edited && this.ctx.onEditedUnload && !this.presence.hasRemoteStates()) {
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
    this.channel?.close();
    this.channel = null;
    // Every caller still waiting in the queue gets an answer: a hung export or restore would
    // otherwise wait forever on a room that will never run its task.
    this.queue.close(() => this.unavailable());
    this.resolveLoaded(false);
    this.presence.destroy();
    this.doc.destroy();
    this.members.clear();
    this.conns.clear();
    this.resolveClosed();
    if (this.kind === 'control') this.ctx.onControl?.(this, 'closed');
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

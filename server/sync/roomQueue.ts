/**
 * The queue of one room: everything touching its document runs here, one at a time, in
 * arrival order, and consecutive client writes run as one batch (stored together, relayed
 * after). Every task settles: when the room fails or closes, whatever is still waiting is
 * rejected with the reason, so an export or restore never waits on a room that is gone.
 *
 *   const queue = new RoomQueue({ write: (batch) => …, failed: (error) => room.fail(…) });
 *   const state = await queue.run(() => Y.encodeStateAsUpdate(doc));
 */
import type { Connection } from './connection';

/** One client update waiting to be applied. */
export interface Write {
  readonly kind: 'write';
  readonly conn: Connection;
  readonly update: Uint8Array;
  /** The client's sync step 2 (not a plain update). */
  readonly step2: boolean;
}

interface Task {
  readonly kind: 'task';
  readonly run: () => Promise<void> | void;
  /** Settles the task's caller when the queue closes before the task ran. */
  readonly abort?: (error: Error) => void;
}

/** The room failed or closed before (or while) it could do what was asked; says why. */
export class RoomUnavailableError extends Error {
  override readonly name = 'RoomUnavailableError';
  constructor(
    message: string,
    /** The close code the room's connections got (CLOSE), or null when it unloaded normally. */
    readonly code: number | null,
  ) {
    super(message);
  }
}

/** What the queue calls back into. */
export interface RoomQueueHandlers {
  /** Applies, stores and relays a batch of consecutive client writes. */
  write(batch: readonly Write[]): Promise<void>;
  /** A task or write threw: the room fails (which closes the queue). */
  failed(error: unknown): void;
}

/** A room's queue. */
export class RoomQueue {
  private readonly ops: (Write | Task)[] = [];
  private working = false;
  private closedWith: (() => Error) | null = null;

  constructor(private readonly handlers: RoomQueueHandlers) {}

  /** Operations waiting behind the running one (tests wait on it). */
  get length(): number {
    return this.ops.length;
  }

  /** Queues a client write. */
  write(write: Omit<Write, 'kind'>): void {
    this.push({ kind: 'write', ...write });
  }

  /** Queues a task of the room itself (load, join, unload); dropped once the queue closed. */
  task(run: () => Promise<void> | void): void {
    this.push({ kind: 'task', run });
  }

  /** Runs `fn` after everything queued before it; rejects with the close reason if it never runs. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.push({
        kind: 'task',
        run: async () => {
          try {
            resolve(await fn());
          } catch (error) {
            reject(error as Error);
          }
        },
        abort: reject,
      });
    });
  }

  /** Stops running; every waiting and later caller of `run` gets `reason()`. */
  close(reason: () => Error): void {
    this.closedWith = reason;
    for (const op of this.ops.splice(0)) if (op.kind === 'task') op.abort?.(reason());
  }

  private push(op: Write | Task): void {
    if (this.closedWith) {
      if (op.kind === 'task') op.abort?.(this.closedWith());
      return;
    }
    this.ops.push(op);
    if (!this.working) void this.work();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      while (this.ops.length > 0 && !this.closedWith) {
        const op = this.ops.shift()!;
        try {
          if (op.kind === 'task') {
            await op.run();
          } else {
            const batch = [op];
            while (this.ops[0]?.kind === 'write') batch.push(this.ops.shift() as Write);
            await this.handlers.write(batch);
          }
        } catch (error) {
          this.handlers.failed(error);
        }
      }
    } finally {
      this.working = false;
    }
  }
}

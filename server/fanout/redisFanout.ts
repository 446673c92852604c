/**
 * The fan-out over Redis streams (issue 13). Each room has two streams:
 *
 *   <prefix>room:<room>:updates   stored Yjs updates, `MAXLEN ~ 10000`
 *   <prefix>room:<room>:presence  awareness changes and presence queries, `MAXLEN ~ 200`
 *   <prefix>lock:<name>           a lock (`SET NX PX`, released by compare-and-delete)
 *   <prefix>claim:<name>          a claim that only expires
 *
 * Every entry carries the sending instance (`i`), a per-room sequence of that instance (`n`),
 * a type (`t`: `u` update, `r` resync, `p` presence, `q` presence query) and the bytes (`d`).
 * One connection per instance reads every loaded room's streams with one blocking XREAD from
 * the last id it saw, so an instance that loses Redis for a while goes on where it stopped;
 * plain pub/sub would drop what was sent meanwhile.
 *
 * Trimming is safe because an update is stored in PostgreSQL before it is added: an instance
 * that finds a hole in another's sequence (trimmed, or never added while Redis was away) reads
 * the room from the store again instead. An instance whose adds failed sends a resync marker
 * once Redis is back, so the others repair even when the room stays quiet.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../log';
import type { Fanout, RoomChannel, RoomListener, StreamPosition } from './fanout';

const UPDATES_MAXLEN = 10_000;
const PRESENCE_MAXLEN = 200;
/** A stream of a room nobody has touched for this long is removed by Redis itself. */
const STREAM_TTL_MS = 24 * 60 * 60 * 1000;
const RENEW_TTL_MS = 60_000;
/** How often a waiting lock is tried again. */
const LOCK_RETRY_MS = 15;
/** Longest a blocked read waits before looking at its list of rooms again. */
const BLOCK_MS = 5_000;
const RELEASE_LOCK =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

interface Subscription {
  readonly room: string;
  readonly listener: RoomListener;
  /** Last ids read; null until known (Redis was away when the room loaded). */
  updatesId: string | null;
  presenceId: string | null;
  /** Last sequence number seen from each other instance. */
  readonly seen: Map<string, number>;
}

/** Settings of the Redis fan-out. */
export interface RedisFanoutOptions {
  readonly url: string;
  /** REDIS_PREFIX: the start of every key. */
  readonly prefix: string;
  /** This instance's id in its messages (random when absent, so a restart is a new sender). */
  readonly instance?: string;
  /** Counts each message sent, received or failed to send (for /metrics). */
  readonly count?: (direction: 'out' | 'in' | 'failed', type: string) => void;
}

const TYPE_NAMES: Record<string, string> = { u: 'update', r: 'resync', p: 'presence', q: 'query' };

/** Connects to Redis (retrying in the background when it is away) and returns the fan-out. */
export function createRedisFanout(options: RedisFanoutOptions): Fanout {
  const instance = options.instance ?? randomBytes(8).toString('hex');
  const key = (room: string, stream: 'updates' | 'presence') => `${options.prefix}room:${room}:${stream}`;
  const retryStrategy = (attempt: number) => Math.min(100 * attempt, 2_000);
  // Commands fail at once while Redis is away instead of piling up; the reader waits for it.
  const commands = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy,
  });
  const reader = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy });

  const subscriptions = new Map<string, Subscription>();
  /** This instance's next sequence number per room (kept across a room's reloads). */
  const sequence = new Map<string, number>();
  /** When each stream's expiry was last renewed. */
  const renewed = new Map<string, number>();
  /** Rooms whose adds failed while Redis was away: the others get a resync marker later. */
  const unsent = new Set<string>();
  let closed = false;
  let readerId: number | null = null;
  let wake: (() => void) | null = null;
  let away = false;

  const outage = (connection: string, error: unknown) => {
    if (closed || away) return;
    away = true;
    log('warn', 'redis.unavailable', { connection, error });
  };
  commands.on('error', (error: unknown) => outage('commands', error));
  reader.on('error', (error: unknown) => outage('reader', error));
  commands.on('ready', () => {
    if (away) log('info', 'redis.available', {});
    away = false;
    for (const room of unsent) {
      unsent.delete(room);
      add(room, 'updates', 'r', new Uint8Array(0));
    }
  });
  reader.on('ready', () => (readerId = null));
  commands.connect().catch((error: unknown) => outage('commands', error));
  reader.connect().catch((error: unknown) => outage('reader', error));

  function add(room: string, stream: 'updates' | 'presence', type: string, data: Uint8Array): void {
    const fields: (string | Buffer)[] = [
      'i',
      instance,
      't',
      type,
      'd',
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    ];
    if (stream === 'updates') {
      const n = (sequence.get(room) ?? 0) + 1;
      sequence.set(room, n);
      fields.push('n', String(n));
    }
    const maxlen = stream === 'updates' ? UPDATES_MAXLEN : PRESENCE_MAXLEN;
    const streamKey = key(room, stream);
    const batch = commands.pipeline().xadd(streamKey, 'MAXLEN', '~', maxlen, '*', ...fields);
    // The expiry moves on with use, but renewing it on every add would double the commands.
    const now = Date.now();
    if (now - (renewed.get(streamKey) ?? 0) > RENEW_TTL_MS) {
      renewed.set(streamKey, now);
      batch.pexpire(streamKey, STREAM_TTL_MS);
    }
    batch
      .exec()
      .then((results) => {
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
        options.count?.('out', TYPE_NAMES[type] ?? type);
      })
      .catch((error: unknown) => {
        options.count?.('failed', TYPE_NAMES[type] ?? type);
        renewed.delete(streamKey);
        if (stream === 'updates') unsent.add(room);
        outage('commands', error);
      });
  }

  /** Bumped whenever the rooms change; the read loop notes which one its blocked read has. */
  let generation = 0;
  let reading = -1;

  /** Asks the blocked read to come back and look at the rooms again. */
  function kick(): void {
    generation += 1;
    wake?.();
    // An UNBLOCK that overtakes the read it was meant for does nothing: try again until seen.
    let tries = 0;
    const unblock = () => {
      if (closed || reading >= generation || reading < 0 || tries++ > 40) return;
      if (readerId !== null) commands.client('UNBLOCK', readerId).catch(() => undefined);
      setTimeout(unblock, 25).unref();
    };
    unblock();
  }

  async function lastId(room: string, stream: 'updates' | 'presence', via: Redis): Promise<string> {
    const [newest] = await via.xrevrange(key(room, stream), '+', '-', 'COUNT', 1);
    return newest?.[0] ?? '0-0';
  }

  function dispatch(sub: Subscription, stream: 'updates' | 'presence', id: string, raw: Buffer[]): void {
    const fields = new Map<string, Buffer>();
    for (let i = 0; i + 1 < raw.length; i += 2) fields.set(raw[i]!.toString(), raw[i + 1]!);
    if (stream === 'updates') sub.updatesId = id;
    else sub.presenceId = id;
    const from = fields.get('i')?.toString();
    const type = fields.get('t')?.toString();
    const data = fields.get('d');
    if (!from || !type || !data) {
      log('warn', 'redis.bad_entry', { room: sub.room, stream, id });
      return;
    }
    if (from === instance) return;
    options.count?.('in', TYPE_NAMES[type] ?? type);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (stream === 'presence') {
      if (type === 'p') sub.listener.presence(bytes, from);
      else if (type === 'q') sub.listener.presenceQuery();
      return;
    }
    const n = Number(fields.get('n')?.toString());
    const before = sub.seen.get(from);
    sub.seen.set(from, n);
    // A hole in a sender's sequence: something was trimmed or never added. The store has it.
    if (type === 'r' || (before !== undefined && n !== before + 1)) sub.listener.resync();
    if (type === 'u') sub.listener.update(bytes);
  }

  /** Fills in the positions of rooms that loaded while Redis was away; they then read the store again. */
  async function settle(): Promise<void> {
    for (const sub of subscriptions.values()) {
      if (sub.updatesId !== null && sub.presenceId !== null) continue;
      sub.updatesId ??= await lastId(sub.room, 'updates', reader);
      sub.presenceId ??= await lastId(sub.room, 'presence', reader);
      if (subscriptions.get(sub.room) === sub) sub.listener.resync();
    }
  }

  async function readLoop(): Promise<void> {
    let failing = false;
    while (!closed) {
      if (subscriptions.size === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      let result: [Buffer, [Buffer, Buffer[]][]][] | null;
      try {
        if (failing) await waitReady(reader);
        readerId ??= Number(await reader.client('ID'));
        await settle();
        if (failing) {
          // Back after an outage: what was trimmed or sent meanwhile is in the store.
          failing = false;
          for (const sub of subscriptions.values()) sub.listener.resync();
        }
        // The rooms as they are now, after the awaits above; `reading` says which list this is.
        const subs = [...subscriptions.values()];
        // A room joined during the awaits without a position: settle it first.
        if (subs.length === 0 || subs.some((s) => s.updatesId === null || s.presenceId === null)) continue;
        reading = generation;
        const keys = subs.flatMap((s) => [key(s.room, 'updates'), key(s.room, 'presence')]);
        const ids = subs.flatMap((s) => [s.updatesId!, s.presenceId!]);
        result = (await reader.xreadBuffer('COUNT', 1000, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids)) as
          [Buffer, [Buffer, Buffer[]][]][] | null;
      } catch (error) {
        reading = -1;
        if (closed) return;
        if (!failing) outage('reader', error);
        failing = true;
        await pause(200);
        continue;
      }
      reading = -1;
      for (const [streamKey, entries] of result ?? []) {
        const name = streamKey.toString();
        const stream = name.endsWith(':updates') ? 'updates' : 'presence';
        const room = name.slice(options.prefix.length + 'room:'.length, name.lastIndexOf(':'));
        const sub = subscriptions.get(room);
        if (!sub) continue;
        for (const [id, raw] of entries) {
          try {
            dispatch(sub, stream, id.toString(), raw);
          } catch (error) {
            log('error', 'redis.dispatch_failed', { room, error });
          }
        }
      }
    }
  }

  function waitReady(connection: Redis): Promise<void> {
    if (connection.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearInterval(check);
        resolve();
      };
      connection.once('ready', done);
      // Closing ends the wait too.
      const check = setInterval(() => {
        if (closed) {
          connection.off('ready', done);
          done();
        }
      }, 200);
    });
  }

  void readLoop();

  return {
    instance,
    async position(room) {
      try {
        const [updates, presence] = await Promise.all([
          lastId(room, 'updates', commands),
          lastId(room, 'presence', commands),
        ]);
        return `${updates} ${presence}`;
      } catch (error) {
        outage('commands', error);
        return null;
      }
    },
    join(room: string, from: StreamPosition | null, listener: RoomListener): RoomChannel {
      const [updatesId, presenceId] = from?.split(' ') ?? [null, null];
      const sub: Subscription = {
        room,
        listener,
        updatesId: updatesId ?? null,
        presenceId: presenceId ?? null,
        seen: new Map(),
      };
      subscriptions.set(room, sub);
      kick();
      add(room, 'presence', 'q', new Uint8Array(0));
      return {
        publishUpdate: (update) => add(room, 'updates', 'u', update),
        publishPresence: (update) => add(room, 'presence', 'p', update),
        close() {
          if (subscriptions.get(room) === sub) subscriptions.delete(room);
        },
      };
    },
    async withLock(name, fn, { ttlMs, waitMs }) {
      const lock = `${options.prefix}lock:${name}`;
      const token = `${instance}:${randomBytes(6).toString('hex')}`;
      const giveUp = Date.now() + waitMs;
      for (;;) {
        let taken: string | null;
        try {
          taken = await commands.set(lock, token, 'PX', ttlMs, 'NX');
        } catch (error) {
          outage('commands', error);
          return { ran: false, why: 'unavailable' };
        }
        if (taken === 'OK') break;
        if (Date.now() >= giveUp) return { ran: false, why: 'busy' };
        await pause(LOCK_RETRY_MS);
      }
      try {
        return { ran: true, value: await fn() };
      } finally {
        await commands.eval(RELEASE_LOCK, 1, lock, token).catch(() => undefined);
      }
    },
    async claim(name, ttlMs) {
      try {
        return (await commands.set(`${options.prefix}claim:${name}`, instance, 'PX', ttlMs, 'NX')) === 'OK';
      } catch (error) {
        outage('commands', error);
        return true;
      }
    },
    async ping() {
      await commands.ping();
    },
    async close() {
      closed = true;
      subscriptions.clear();
      kick();
      reader.disconnect();
      await commands.quit().catch(() => commands.disconnect());
    },
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

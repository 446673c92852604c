/**
 * One client's websocket in one room: its role, the awareness client ids it owns, what it has
 * already been told, and the only place that sends to or closes the socket.
 *
 * Frames sent to one connection in the same tick leave in one write: the socket is corked at
 * the first and uncorked once the tick's work is done. A room relays a batch of writes as one
 * frame per change, so under load a client gets several frames at once, and a system call per
 * frame was most of the server's time; the metrics are counted once per tick for the same reason.
 */
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { log } from '../log';
import type { Role } from '../storage/storage';
import type { ServerMetrics } from '../serverMetrics';
import { CLOSE } from './closeCodes';
import { createRateLimiter, type RateLimiter } from './rateLimiter';

/** Sends to a client whose socket already buffers more than this are closed as too slow. */
const MIN_SEND_BUFFER_BYTES = 16 * 1024 * 1024;

/** Where the connection belongs and what it may do. */
export interface ConnectionInfo {
  readonly room: string;
  readonly boardId: string;
  readonly role: Role;
  readonly address: string;
  readonly maxMessagesPerSecond: number;
  readonly maxMessageBytes: number;
}

/** A client connection; a Room calls `send` and `close`, the upgrade handler feeds messages in. */
export class Connection {
  readonly id: number;
  /** Awareness client ids this connection announced first and so may update. */
  readonly clientIds = new Set<number>();
  /** Refusals already explained, so each is sent once (keys like `viewer` or `locked:3`). */
  readonly told = new Set<string>();
  /** Set once the client has sent its sync step 2 (it then holds everything the server had). */
  sentSyncStep2 = false;
  /** Cleared when a ping goes out, set by the pong; a missing pong drops the connection. */
  alive = true;
  private readonly limiter: RateLimiter;
  private readonly sendBufferLimit: number;
  /** Frames and bytes sent this tick, by message type; non-null while the socket is corked. */
  private sentThisTick: { counts: Map<string, number>; bytes: number } | null = null;

  private static nextId = 1;

  constructor(
    readonly ws: WebSocket,
    readonly info: ConnectionInfo,
    private readonly metrics: ServerMetrics,
  ) {
    this.id = Connection.nextId++;
    this.limiter = createRateLimiter(info.maxMessagesPerSecond, info.maxMessagesPerSecond * 2);
    this.sendBufferLimit = Math.max(MIN_SEND_BUFFER_BYTES, info.maxMessageBytes * 2);
  }

  get role(): Role {
    return this.info.role;
  }

  get closed(): boolean {
    return this.ws.readyState !== WebSocket.OPEN;
  }

  /** Counts an incoming message against the rate limit; false means the connection was closed. */
  admit(bytes: number): boolean {
    this.metrics.bytesIn.inc({}, bytes);
    if (this.limiter.take()) return true;
    this.close(CLOSE.policyViolation, 'message rate limit exceeded', 'ws.rate_limited');
    return false;
  }

  /** Sends one encoded message; a client too slow to read its backlog is disconnected. */
  send(message: Uint8Array, type: string): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.sendBufferLimit) {
      this.close(CLOSE.tryAgainLater, 'client too slow to keep up', 'ws.slow_consumer');
      return;
    }
    const sent = this.sentThisTick ?? this.hold();
    this.ws.send(message);
    sent.counts.set(type, (sent.counts.get(type) ?? 0) + 1);
    sent.bytes += message.byteLength;
  }

  /** Corks the socket until the current tick's work is done, then writes and counts what was sent. */
  private hold(): NonNullable<Connection['sentThisTick']> {
    const sent = { counts: new Map<string, number>(), bytes: 0 };
    this.sentThisTick = sent;
    // ws has no public cork; its own sender corks `_socket` around every frame the same way.
    const socket = (this.ws as unknown as { _socket?: Duplex })._socket;
    socket?.cork();
    process.nextTick(() => {
      this.sentThisTick = null;
      socket?.uncork();
      for (const [type, count] of sent.counts) this.metrics.messagesOut.inc({ type }, count);
      this.metrics.bytesOut.inc({}, sent.bytes);
    });
    return sent;
  }

  /** Closes with a code and logs why (never the token: only room, role and address). */
  close(code: number, reason: string, event = 'ws.closed_by_server'): void {
    if (this.ws.readyState === WebSocket.CLOSING || this.ws.readyState === WebSocket.CLOSED) return;
    log(code >= 4000 || code === CLOSE.policyViolation ? 'warn' : 'info', event, {
      code,
      reason,
      room: this.info.room,
      role: this.info.role,
      address: this.info.address,
      connection: this.id,
    });
    this.metrics.closes.inc({ code: String(code) });
    this.ws.close(code, reason);
  }
}

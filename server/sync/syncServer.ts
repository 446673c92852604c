/**
 * The websocket side: `ws://HOST:PORT/sync/<room>?token=…`. Every upgrade is checked here
 * before a room is touched: the token is verified right after the upgrade and a bad one closes
 * the socket with 4401 (unknown board 4404), so nothing is loaded and no sync message sent.
 *
 * Limits live here too: an `'error'` listener on every socket before anything else, ws's
 * maxPayload (1009 for bigger messages), a cap on upgrades still waiting for their token check
 * (HTTP 503 beyond it), a cap on open rooms per client address (the socket's peer, or
 * X-Forwarded-For under TRUST_PROXY: http/clientAddress.ts), per-connection message rates,
 * and pings that drop dead peers (which frees their presence).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { checkAccess } from '../boards/boardService';
import type { ServerConfig } from '../config';
import { clientAddress } from '../http/clientAddress';
import { log } from '../log';
import type { ServerMetrics } from '../serverMetrics';
import type { Storage } from '../storage/storage';
import { CLOSE } from './closeCodes';
import { Connection } from './connection';
import { MalformedMessage, parseMessage } from './protocol';
import type { Room } from './room';
import type { RoomManager } from './roomManager';
import { parseRoomName } from './roomName';

/** What the sync server needs. */
export interface SyncServerDeps {
  readonly config: ServerConfig;
  readonly storage: Storage;
  readonly metrics: ServerMetrics;
  readonly rooms: RoomManager;
}

/** Handle to stop accepting and close every connection. */
export interface SyncServer {
  /** Connections currently open. */
  readonly connections: () => number;
  /** Upgrades waiting for their token check. */
  readonly unauthenticated: () => number;
  /** Refuses new upgrades and closes every connection with 1001. */
  stop(): void;
  /** Drops whatever connections have not finished closing. */
  terminate(): void;
}

/** Attaches the /sync websocket endpoint to an HTTP server. */
export function attachSyncServer(server: Server, deps: SyncServerDeps): SyncServer {
  const { config, metrics, rooms } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes,
    perMessageDeflate: false,
  });
  const perAddress = new Map<string, number>();
  const live = new Set<Connection>();
  let pending = 0;
  let stopping = false;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Before anything else: an unhandled socket error would crash the process.
    socket.on('error', (error) => log('warn', 'ws.socket_error', { error }));
    void handleUpgrade(req, socket, head).catch((error: unknown) => {
      log('error', 'ws.upgrade_failed', { error });
      reject(socket, 500, 'Internal Server Error');
    });
  });

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/sync/')) return reject(socket, 404, 'Not Found');
    if (stopping) return reject(socket, 503, 'Service Unavailable');
    if (pending >= config.maxUnauthenticated) {
      log('warn', 'ws.unauthenticated_limit', { pending, address: clientAddress(req, config.trustProxy) });
      return reject(socket, 503, 'Service Unavailable');
    }
    let roomName: string;
    try {
      roomName = decodeURIComponent(url.pathname.slice('/sync/'.length));
    } catch {
      roomName = '';
    }
    const target = parseRoomName(roomName);
    pending += 1;
    let access;
    try {
      access = target ? await checkAccess(deps.storage, target.boardId, url.searchParams.get('token')) : null;
    } finally {
      pending -= 1;
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error: Error & { code?: string }) => {
        // ws has already closed the socket (1009 for an oversized message, 1002 for bad framing).
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')
          metrics.closes.inc({ code: String(CLOSE.messageTooBig) });
        log('warn', 'ws.error', { error, code: error.code, room: roomName });
      });
      const address = clientAddress(req, config.trustProxy);
      if (!target || !access || (!access.ok && access.reason === 'unknown-board')) {
        return refuse(ws, CLOSE.unknownBoard, 'unknown board', roomName);
      }
      if (!access.ok) return refuse(ws, CLOSE.unauthorized, 'invalid token for this board', roomName);
      if ((perAddress.get(address) ?? 0) >= config.maxRoomsPerAddress) {
        return refuse(ws, CLOSE.tryAgainLater, 'too many open rooms from this address', roomName);
      }
      accept(
        ws,
        new Connection(
          ws,
          {
            room: target.name,
            boardId: target.boardId,
            role: access.role,
            address,
            maxMessagesPerSecond: config.maxMessagesPerSecond,
            maxMessageBytes: config.maxMessageBytes,
          },
          metrics,
        ),
        target,
      );
    });
  }

  function accept(
    ws: WebSocket,
    conn: Connection,
    target: NonNullable<ReturnType<typeof parseRoomName>>,
  ): void {
    live.add(conn);
    perAddress.set(conn.info.address, (perAddress.get(conn.info.address) ?? 0) + 1);
    ws.on('pong', () => (conn.alive = true));
    ws.on('close', () => {
      live.delete(conn);
      const left = (perAddress.get(conn.info.address) ?? 1) - 1;
      if (left > 0) perAddress.set(conn.info.address, left);
      else perAddress.delete(conn.info.address);
      rooms.leave(conn, target.name);
    });
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = toBytes(data);
      if (!conn.admit(bytes.byteLength)) return;
      if (!isBinary) {
        metrics.messagesIn.inc({ type: 'malformed' });
        return malformed(conn, new MalformedMessage('text frame'));
      }
      if (!room) return void early.push(bytes);
      deliver(conn, room, bytes);
    });
    log('info', 'ws.connected', {
      room: target.name,
      role: conn.role,
      address: conn.info.address,
      connection: conn.id,
    });
    rooms.join(conn, target).then(
      (joined) => {
        if (!joined) return conn.close(CLOSE.goingAway, 'server shutting down');
        room = joined;
        // Messages that arrived while the room was being found are handled in order.
        for (const bytes of early.splice(0)) deliver(conn, joined, bytes);
      },
      (error: unknown) => {
        log('error', 'room.join_failed', { room: target.name, error });
        conn.close(CLOSE.internalError, 'room unavailable');
      },
    );
  }

  function deliver(conn: Connection, room: Room, bytes: Uint8Array): void {
    if (conn.closed) return;
    let message;
    try {
      message = parseMessage(bytes);
    } catch (error) {
      metrics.messagesIn.inc({ type: 'malformed' });
      return malformed(conn, error as MalformedMessage);
    }
    metrics.messagesIn.inc({ type: message.type });
    room.receive(conn, message);
  }

  function malformed(conn: Connection, error: MalformedMessage): void {
    log('warn', 'ws.malformed', { room: conn.info.room, connection: conn.id, error });
    conn.close(CLOSE.malformed, 'malformed message');
  }

  function refuse(ws: WebSocket, code: number, reason: string, room: string): void {
    log('warn', 'ws.refused', { code, reason, room });
    metrics.closes.inc({ code: String(code) });
    ws.close(code, reason);
  }

  const ping = setInterval(() => {
    for (const conn of live) {
      if (!conn.alive) {
        log('info', 'ws.ping_timeout', { room: conn.info.room, connection: conn.id });
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, config.pingIntervalMs);
  ping.unref();

  return {
    connections: () => live.size,
    unauthenticated: () => pending,
    stop() {
      stopping = true;
      clearInterval(ping);
      for (const conn of live) conn.close(CLOSE.goingAway, 'server shutting down');
    },
    terminate() {
      for (const conn of live) conn.ws.terminate();
      wss.close();
    },
  };
}

function reject(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

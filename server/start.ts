/**
 * Starting and stopping the server; used by main.ts and by tests that need a real server on
 * port 0. Stopping refuses new work, closes every websocket (1001, so clients reconnect to the
 * next instance), stores and compacts every room, then closes the store.
 */
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { getMeta } from '../shared/ydoc';
import type { ServerConfig } from './config';
import { createSnapshotService, type SnapshotService } from './boards/snapshots';
import { startAutoSnapshots } from './boards/autoSnapshots';
import { createFacilitationWatcher } from './boards/facilitation';
import { createVoteService, VoteError } from './boards/votes';
import { createExportService } from './export/exportService';
import { createHttpServer } from './http/app';
import { createReadiness, type Readiness } from './http/health';
import { createImportGate } from './http/importGate';
import { log } from './log';
import { createServerMetrics, type ServerMetrics } from './serverMetrics';
import { createSqliteStorage } from './storage/sqliteStorage';
import type { Storage } from './storage/storage';
import { timedStorage } from './storage/timedStorage';
import { RoomManager, type RoomManagerOptions } from './sync/roomManager';
import { attachSyncServer } from './sync/syncServer';

/** A running server. */
export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  readonly rooms: RoomManager;
  readonly metrics: ServerMetrics;
  /** What /readyz checks; `readiness.add('redis', …)` adds a dependency. */
  readonly readiness: Readiness;
  readonly snapshots: SnapshotService;
  /** The automatic snapshots; `round()` takes one round now (tests). */
  readonly autoSnapshots: { round(): Promise<void> };
  /** Flushes every room, closes connections and the store; resolves when all is stored. */
  close(): Promise<void>;
}

/** PostgreSQL (migrated) when DATABASE_URL is set, else the SQLite file in DATA_DIR. */
async function openStorage(config: ServerConfig): Promise<Storage> {
  if (!config.databaseUrl) return createSqliteStorage(config.dataDir);
  // pg and ioredis load only when configured: together they cost one SQLite instance ~15 MB of RSS.
  const { createPostgresStorage } = await import('./storage/postgresStorage');
  return createPostgresStorage(config.databaseUrl);
}

/** Starts listening (PORT=0 picks a free port); `storage` replaces the configured store (tests). */
export async function startServer(
  config: ServerConfig,
  options: { storage?: Storage } = {},
): Promise<RunningServer> {
  const metrics = createServerMetrics();
  // With Redis, any number of instances serve the same boards (DESIGN.md contract 2).
  const fanout = config.redisUrl
    ? // Its sender id is random, not INSTANCE_ID: two instances given the same label by mistake
      // would otherwise ignore each other's messages as their own.
      (await import('./fanout/redisFanout')).createRedisFanout({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        count: (direction, type) => metrics.fanoutMessages.inc({ direction, type }),
      })
    : null;
  const storage = timedStorage(options.storage ?? (await openStorage(config)), metrics.storeSeconds);
  // The automatic snapshot: a content room that was edited unloads once everyone has left.
  let onEditedUnload: ((boardId: string, state: Uint8Array) => Promise<unknown>) | null = null;
  // Facilitation: a revealed vote and a phase change, once the facilitator's change is stored.
  let onControl: RoomManagerOptions['onControl'] | null = null;
  const rooms = new RoomManager({
    storage,
    metrics,
    onEditedUnload: async (room, state) => {
      // Instances that saw the last people leave at the same time snapshot the same state once.
      const key = `lastleft:${room.boardId}:${createHash('sha256').update(state).digest('base64url')}`;
      if (fanout && !(await fanout.claim(key, 60_000))) return;
      await onEditedUnload?.(room.boardId, state);
    },
    onControl: (room, event) => onControl?.(room, event),
    unloadMs: config.roomUnloadMs,
    compactAfterUpdates: config.compactAfterUpdates,
    maxAwarenessBytes: config.maxAwarenessBytes,
    awarenessFlushMs: config.awarenessFlushMs,
    maxDocBytes: config.maxDocBytes,
    ...(fanout ? { fanout } : {}),
  });
  const snapshots = createSnapshotService(storage, rooms);
  onEditedUnload = (boardId, state) => snapshots.takeAuto(boardId, 'lastLeft', state);
  const votes = createVoteService(
    storage,
    rooms,
    fanout
      ? async (boardId, cast) => {
          const done = await fanout.withLock(`vote:${boardId}`, cast, { ttlMs: 10_000, waitMs: 5_000 });
          if (done.ran) return done.value;
          // Redis away: this instance's own order is all there is; a vote goes on regardless.
          if (done.why === 'unavailable') return cast();
          throw new VoteError('busy');
        }
      : undefined,
  );
  const watcher = createFacilitationWatcher({ votes, snapshots });
  onControl = (room, event) => watcher.observe(room, event);
  const autoSnapshots = startAutoSnapshots({
    rooms,
    snapshots,
    storage,
    everyMs: config.autoSnapshotMinutes * 60_000,
    keep: config.autoSnapshotsKept,
    ...(fanout ? { claim: (name: string, ttlMs: number) => fanout.claim(name, ttlMs) } : {}),
  });
  const exports = createExportService({ storage, rooms, metrics, config });
  const readiness = createReadiness(storage);
  if (fanout) readiness.add('redis', () => fanout.ping());
  const server = createHttpServer(config, {
    storage,
    metrics,
    readiness,
    rooms,
    snapshots,
    votes,
    exports,
    imports: createImportGate(config, metrics),
    publicUrl: config.publicUrl,
    liveTitle: (boardId) => {
      const room = rooms.peek(boardId);
      const title = room && !room.isClosing ? getMeta(room.doc).get('title') : undefined;
      return typeof title === 'string' ? title : undefined;
    },
  });
  const sync = attachSyncServer(server, { config, storage, metrics, rooms });
  metrics.registry.gauge('olievlek_rooms', 'Rooms loaded', () => rooms.size);
  metrics.registry.gauge('olievlek_connections', 'Open websocket connections', () => sync.connections());
  metrics.registry.gauge(
    'olievlek_connections_unauthenticated',
    'Upgrades waiting for their token check',
    () => sync.unauthenticated(),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  metrics.registry.setInstance(config.instanceId ?? `${hostname()}:${port}`);
  log('info', 'server.listening', {
    host: config.host,
    port,
    url: config.publicUrl ?? `http://localhost:${port}`,
  });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      readiness.stop();
      sync.stop();
      autoSnapshots.stop();
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await exports.close();
      await rooms.closeAll();
      await fanout?.close();
      await storage.close();
      sync.terminate();
      server.closeAllConnections();
      await httpClosed;
      log('info', 'server.stopped', {});
    })());
  return { server, port, rooms, metrics, readiness, snapshots, autoSnapshots, close };
}

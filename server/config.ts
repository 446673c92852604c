/** Server configuration from the environment (DESIGN.md contract 2), each with its documented default. */
import path from 'node:path';

/** Everything the server reads from its environment. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** Start of every Redis key (REDIS_PREFIX), so several deployments can share one Redis. */
  readonly redisPrefix: string;
  readonly publicUrl: string | undefined;
  readonly maxMessageBytes: number;
  /** Where the built client lives; the server serves it for every non-API path. */
  readonly clientDir: string;
  /** How long an empty room stays loaded (a returning client skips the reload); ≤ 30 s by contract. */
  readonly roomUnloadMs: number;
  /** Appended updates after which a loaded room compacts its log. */
  readonly compactAfterUpdates: number;
  /** Sustained messages per second one connection may send (bursts up to twice that). */
  readonly maxMessagesPerSecond: number;
  /** Largest awareness state (JSON bytes) a client may publish; bigger ones are dropped. */
  readonly maxAwarenessBytes: number;
  /** How often a room sends the awareness changes it collected (coalescing window). */
  readonly awarenessFlushMs: number;
  /** Websocket upgrades allowed to wait for their token check at once. */
  readonly maxUnauthenticated: number;
  /** Open rooms (one per websocket) allowed per client address. */
  readonly maxRoomsPerAddress: number;
  /** Interval of websocket pings; a connection that misses one is dropped. */
  readonly pingIntervalMs: number;
  // Document writes (server/sync/writePolicy.ts).
  /** Largest encoded board document a write may produce (MAX_DOC_BYTES); bigger writes are undone. */
  readonly maxDocBytes: number;
  /** Minutes between automatic snapshots of an edited board (the safety net); 0 turns them off. */
  readonly autoSnapshotMinutes: number;
  /** Automatic snapshots kept per board; older ones are deleted. */
  readonly autoSnapshotsKept: number;
  // --- Exports and imports (issue 12): limits listed in SECURITY.md. ---
  /** Worker threads rendering exports (PNG, PDF, SVG, Markdown, JSON) off the event loop. */
  readonly exportWorkers: number;
  /** Export jobs allowed to wait for a worker, server-wide; more are refused with 503. */
  readonly exportQueue: number;
  /** Different export jobs (running or waiting) per board; more are refused with 429. */
  readonly exportsPerBoard: number;
  /** Time budget of one export job; past it the worker is stopped and the answer is 504. */
  readonly exportTimeoutMs: number;
  /** Heap budget of each export worker in MB; a job that needs more is stopped (503). */
  readonly exportMemoryMb: number;
  /** Bytes of rendered exports kept, one per board state and format, so repeats do not re-render. */
  readonly exportCacheBytes: number;
  /** Largest import body in bytes. */
  readonly maxImportBytes: number;
  /** Most items an imported board may hold. */
  readonly maxImportItems: number;
  /** Most links an imported board may hold. */
  readonly maxImportLinks: number;
  /** Imports one client address may start per minute. */
  readonly importsPerMinute: number;
  /** Import bodies read at once, server-wide. */
  readonly maxConcurrentImports: number;
  /** Time an import body has to arrive in full; a slower one is cut off with 408. */
  readonly importBodyTimeoutMs: number;
  // --- Operations (issue 13) ---
  /** The `instance` label on every metric (INSTANCE_ID); undefined means hostname:port. */
  readonly instanceId: string | undefined;
  /** When set, /metrics answers only `Authorization: Bearer <token>`; unset, it is open. */
  readonly metricsToken: string | undefined;
  /**
   * Proxies in front of the server whose X-Forwarded-For entries are believed (TRUST_PROXY);
   * 0 means none: per-address limits use the socket's peer address.
   */
  readonly trustProxy: number;
}

/** Thrown for a setting that cannot be used, naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration; throws ConfigError on a malformed value instead of guessing. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  checkLogLevel(env);
  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: redisUrl(env),
    redisPrefix: redisPrefix(env),
    publicUrl: env.PUBLIC_URL || undefined,
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    clientDir: path.resolve(env.CLIENT_DIR || 'dist/client'),
    roomUnloadMs: integer(env, 'ROOM_UNLOAD_MS', 10_000, 0, 30_000),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1, 1_000_000),
    maxMessagesPerSecond: integer(env, 'MAX_MESSAGES_PER_SECOND', 200, 1, 1_000_000),
    maxAwarenessBytes: integer(env, 'MAX_AWARENESS_BYTES', 8 * 1024, 64, 1024 * 1024),
    awarenessFlushMs: integer(env, 'AWARENESS_FLUSH_MS', 50, 0, 1_000),
    maxUnauthenticated: integer(env, 'MAX_UNAUTHENTICATED', 256, 1, 1_000_000),
    maxRoomsPerAddress: integer(env, 'MAX_ROOMS_PER_ADDRESS', 1_000, 1, 1_000_000),
    pingIntervalMs: integer(env, 'PING_INTERVAL_MS', 30_000, 100, 3_600_000),
    // Document writes. Every joiner downloads the whole document and every snapshot copies it:
    // 16 MiB holds the largest importable board (10,000 items, about 4 MiB) four times over,
    // while a workshop board of 5,000 cards is about 2 MiB.
    maxDocBytes: integer(env, 'MAX_DOC_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    autoSnapshotMinutes: integer(env, 'AUTO_SNAPSHOT_MINUTES', 5, 0, 24 * 60),
    autoSnapshotsKept: integer(env, 'AUTO_SNAPSHOTS_KEPT', 24, 1, 10_000),
    // --- Exports and imports (issue 12) ---
    exportWorkers: integer(env, 'EXPORT_WORKERS', 2, 1, 64),
    exportQueue: integer(env, 'EXPORT_QUEUE', 8, 0, 10_000),
    exportsPerBoard: integer(env, 'EXPORTS_PER_BOARD', 2, 1, 100),
    exportTimeoutMs: integer(env, 'EXPORT_TIMEOUT_MS', 60_000, 100, 3_600_000),
    exportMemoryMb: integer(env, 'EXPORT_MEMORY_MB', 1_024, 64, 65_536),
    exportCacheBytes: integer(env, 'EXPORT_CACHE_MB', 128, 0, 65_536) * 1024 * 1024,
    maxImportBytes: integer(env, 'MAX_IMPORT_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxImportItems: integer(env, 'MAX_IMPORT_ITEMS', 10_000, 1, 10_000_000),
    maxImportLinks: integer(env, 'MAX_IMPORT_LINKS', 20_000, 0, 10_000_000),
    importsPerMinute: integer(env, 'IMPORTS_PER_MINUTE', 10, 1, 1_000_000),
    maxConcurrentImports: integer(env, 'MAX_CONCURRENT_IMPORTS', 4, 1, 10_000),
    importBodyTimeoutMs: integer(env, 'IMPORT_BODY_TIMEOUT_MS', 15_000, 100, 3_600_000),
    // --- Operations (issue 13) ---
    instanceId: instanceId(env),
    metricsToken: metricsToken(env),
    trustProxy: trustProxy(env),
  };
}

/** Log levels LOG_LEVEL accepts (pino's, from most to least verbose). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

function instanceId(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.INSTANCE_ID;
  if (!raw) return undefined;
  if (!/^[\x21-\x7e]{1,128}$/.test(raw)) {
    throw new ConfigError(`INSTANCE_ID must be 1 to 128 printable characters without spaces, got "${raw}"`);
  }
  return raw;
}

function redisUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.REDIS_URL;
  if (!raw) return undefined;
  // Redis fans out between instances; each instance's own SQLite file could not be shared.
  if (!env.DATABASE_URL)
    throw new ConfigError(
      'REDIS_URL needs DATABASE_URL: instances that share Redis must share PostgreSQL too',
    );
  if (!/^rediss?:\/\//.test(raw)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  return raw;
}

function redisPrefix(env: NodeJS.ProcessEnv): string {
  const raw = env.REDIS_PREFIX ?? 'olievlek:';
  if (!/^[\x21-\x7e]{0,64}$/.test(raw))
    throw new ConfigError(`REDIS_PREFIX must be up to 64 printable characters without spaces, got "${raw}"`);
  return raw;
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (!raw) return undefined;
  // The value itself never goes into the message: it is a secret.
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  return raw;
}

function trustProxy(env: NodeJS.ProcessEnv): number {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value > 10) {
    throw new ConfigError(
      `TRUST_PROXY must be the number of proxies in front of the server, 0 to 10 (1 for one load balancer), got "${raw}"`,
    );
  }
  return value;
}

/** Checks LOG_LEVEL at start-up, so a typo fails loudly instead of logging at the default. */
function checkLogLevel(env: NodeJS.ProcessEnv): void {
  const raw = env.LOG_LEVEL;
  if (raw && !(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

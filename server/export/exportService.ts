/**
 * Exports as the server makes them: rendered in the worker pool, once per document state and
 * format. A request names its board's current state by a key (the live room's state vector
 * and delete set, or the stored log's last sequence number, or the snapshot id); a finished
 * file for that key is answered from the cache, a job already running for it is joined, and
 * only otherwise does a new job start, if the board and the server have room for it.
 *
 *   const exports = createExportService({ storage, rooms, metrics, config });
 *   const file = await exports.export(boardId, 'pdf');   // throws ExportRefusal
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { exportFileName } from '../../shared/render/fileName';
import type { ServerConfig } from '../config';
import { log } from '../log';
import type { ServerMetrics } from '../serverMetrics';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import type { Language } from '../../shared/ydoc';
import { createExportCache, type CachedExport } from './exportCache';
import { contentTypeOf, type ExportedFile, type ExportFormat } from './formats';
import { createExportPool, ExportJobError, type ExportPool } from './exportPool';
import type { ImportResult, ImportTask } from './loadImport';

/** Seconds a refused client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
/** How long a failed job's error is answered again for the same state instead of retrying it. */
const FAILURE_TTL_MS = 10 * 60_000;

/** An export that is not made: the HTTP status, a code and a message for the client. */
export class ExportRefusal extends Error {
  override readonly name = 'ExportRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The settings the service reads. */
export type ExportSettings = Pick<
  ServerConfig,
  | 'exportWorkers'
  | 'exportQueue'
  | 'exportsPerBoard'
  | 'exportTimeoutMs'
  | 'exportMemoryMb'
  | 'exportCacheBytes'
>;

/** Makes exports for the HTTP API. */
export interface ExportService {
  /** The file of a board (or of one of its snapshots) in `format`; throws ExportRefusal. */
  export(
    boardId: string,
    format: ExportFormat,
    snapshotId?: string | null,
    language?: Language,
  ): Promise<ExportedFile>;
  /** Loads an uploaded board in a worker; throws ExportRefusal when the job fails. */
  loadImport(task: ImportTask): Promise<ImportResult>;
  /** Stops the workers. */
  close(): Promise<void>;
}

interface Source {
  readonly updates: readonly Uint8Array[];
  readonly suffix?: string;
}

type Outcome = CachedExport & { readonly at: number };

/** Creates the service and its (lazily started) workers. */
export function createExportService(deps: {
  storage: Storage;
  rooms: RoomManager | null;
  metrics: ServerMetrics;
  config: ExportSettings;
  pool?: ExportPool;
}): ExportService {
  const { storage, rooms, metrics, config } = deps;
  const pool =
    deps.pool ??
    createExportPool({
      workers: config.exportWorkers,
      memoryMb: config.exportMemoryMb,
      timeoutMs: config.exportTimeoutMs,
    });
  const cache = createExportCache(config.exportCacheBytes);
  const inflight = new Map<string, Promise<Outcome>>();
  const perBoard = new Map<string, number>();
  let running = 0;
  let closed = false;
  // Concurrent requests for one board share one read of its version or stored log.
  const reads = new Map<string, Promise<unknown>>();
  const shared = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let pending = reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read().finally(() => reads.delete(key));
      reads.set(key, pending);
    }
    return pending;
  };
  metrics.registry.gauge(
    'olievlek_export_cache_bytes',
    'Bytes of rendered exports cached',
    () => cache.bytes,
  );
  metrics.registry.gauge(
    'olievlek_export_jobs',
    'Export jobs running or waiting for a worker',
    () => running,
  );

  function admit(boardId: string): void {
    const onBoard = perBoard.get(boardId) ?? 0;
    if (onBoard >= config.exportsPerBoard) {
      metrics.exportRefused.inc({ reason: 'board_busy' });
      throw new ExportRefusal(
        429,
        'export_board_busy',
        `this board already has ${onBoard} exports being made (at most ${config.exportsPerBoard}); try again shortly`,
        RETRY_AFTER_SECONDS,
      );
    }
    if (running >= config.exportWorkers + config.exportQueue) {
      metrics.exportRefused.inc({ reason: 'server_busy' });
      throw new ExportRefusal(
        503,
        'export_server_busy',
        'the server is making as many exports as it can; try again shortly',
        RETRY_AFTER_SECONDS,
      );
    }
    perBoard.set(boardId, onBoard + 1);
    running += 1;
  }

  function release(boardId: string): void {
    running -= 1;
    const left = (perBoard.get(boardId) ?? 1) - 1;
    if (left > 0) perBoard.set(boardId, left);
    else perBoard.delete(boardId);
  }

  function obtain(
    key: string,
    boardId: string,
    format: ExportFormat,
    load: () => Promise<Source>,
    language?: Language,
  ) {
    const cached = cache.get(key) as Outcome | undefined;
    if (cached && (cached.ok || Date.now() - cached.at < FAILURE_TTL_MS)) {
      metrics.exportCacheHits.inc({ format });
      return Promise.resolve(cached);
    }
    const joined = inflight.get(key);
    if (joined) {
      metrics.exportCoalesced.inc({ format });
      return joined;
    }
    admit(boardId);
    const job = render(key, boardId, format, load, language).finally(() => {
      inflight.delete(key);
      release(boardId);
    });
    inflight.set(key, job);
    return job;
  }

  async function render(
    key: string,
    boardId: string,
    format: ExportFormat,
    load: () => Promise<Source>,
    language?: Language,
  ): Promise<Outcome> {
    const started = performance.now();
    let outcome: Outcome;
    try {
      const source = await withinBudget(load(), config.exportTimeoutMs);
      const result = await pool.run({ updates: source.updates, format, now: Date.now(), language });
      if ('unreadable' in result) {
        const { status, code, reason } = result.unreadable;
        outcome = { ok: false, status, code, message: reason, unreadable: true, at: Date.now() };
      } else {
        const body = Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
        outcome = {
          ok: true,
          body,
          title: result.title,
          items: result.items,
          suffix: source.suffix,
          at: Date.now(),
        };
      }
    } catch (error) {
      if (!(error instanceof ExportJobError)) throw error;
      if (closed) throw new ExportRefusal(503, 'server_stopping', 'the server is stopping');
      const status = error.reason === 'timeout' ? 504 : error.reason === 'memory' ? 503 : 500;
      outcome = { ok: false, status, code: `export_${error.reason}`, message: error.message, at: Date.now() };
      log(error.reason === 'failed' ? 'error' : 'warn', 'export.failed', {
        board: boardId,
        format,
        reason: error.reason,
        error: error.cause ?? error,
      });
    }
    const seconds = (performance.now() - started) / 1000;
    metrics.exportRenders.inc({ format, outcome: outcome.ok ? 'ok' : outcome.code.replace('export_', '') });
    metrics.exportSeconds.observe(seconds, { format });
    if (outcome.ok)
      log('info', 'board.exported', {
        board: boardId,
        format,
        items: outcome.items,
        ms: Math.round(seconds * 1000),
      });
    cache.set(key, outcome);
    return outcome;
  }

  /** The key and source of the board as it is now: its live room's, else its stored log's. */
  async function current(boardId: string, format: ExportFormat, language?: Language): Promise<Outcome> {
    const as = variant(format, language);
    const room = rooms?.peek(boardId);
    if (room && !room.isClosing) {
      const version = await shared(`v|${boardId}`, () => room.read(versionOf)).catch(() => null);
      if (version !== null) {
        // The log is read in the room's queue, so it is everything the room has stored; it may
        // be newer than `version` (an edit in between), never older.
        const load = async (): Promise<Source> =>
          await room.read(async () => ({ updates: (await storage.load(boardId)).updates }));
        return obtain(`${boardId}|v${version}|${as}`, boardId, format, load, language);
      }
    }
    const stored = await shared(`s|${boardId}`, () => storage.load(boardId));
    const updates = stored.updates.length === 0 ? [new Uint8Array([0, 0])] : stored.updates;
    return obtain(
      `${boardId}|s${stored.lastSeq}|${as}`,
      boardId,
      format,
      async () => ({ updates }),
      language,
    );
  }

  function snapshot(
    boardId: string,
    snapshotId: string,
    format: ExportFormat,
    language?: Language,
  ): Promise<Outcome> {
    const key = `${boardId}|snapshot:${snapshotId}|${variant(format, language)}`;
    return obtain(
      key,
      boardId,
      format,
      async () => {
        const found = await storage.getSnapshot(boardId, snapshotId);
        if (!found) throw new ExportRefusal(404, 'unknown_snapshot', 'this board has no such snapshot');
        return { updates: [found.state], suffix: found.label };
      },
      language,
    );
  }

  return {
    async export(boardId, format, snapshotId, language) {
      let outcome = snapshotId
        ? await snapshot(boardId, snapshotId, format, language)
        : await current(boardId, format, language);
      let fallback: ExportedFile['fallback'];
      if (!outcome.ok && outcome.unreadable && !snapshotId) {
        // The board itself cannot be read: its newest snapshot that can stands in, and says so.
        const problem = outcome;
        const snapshots = [...(await storage.listSnapshots(boardId))].sort(
          (a, b) => b.createdAt - a.createdAt,
        );
        for (const info of snapshots) {
          const candidate = await snapshot(boardId, info.id, format, language);
          if (candidate.ok) {
            outcome = candidate;
            fallback = { snapshotId: info.id, problem: problem.message };
            break;
          }
          if (!candidate.unreadable)
            throw new ExportRefusal(candidate.status, candidate.code, candidate.message);
        }
        if (!fallback)
          throw new ExportRefusal(
            problem.status,
            problem.code,
            `no snapshot of this board can be read either: ${problem.message}`,
          );
      }
      if (!outcome.ok) throw new ExportRefusal(outcome.status, outcome.code, outcome.message);
      return {
        body: outcome.body,
        contentType: contentTypeOf(format),
        fileName: exportFileName(outcome.title, new Date(), format, outcome.suffix),
        ...(fallback ? { fallback } : {}),
      };
    },
    async loadImport(task) {
      try {
        return await pool.runImport(task);
      } catch (error) {
        if (!(error instanceof ExportJobError)) throw error;
        log(error.reason === 'failed' ? 'error' : 'warn', 'import.failed', {
          reason: error.reason,
          error: error.cause ?? error,
        });
        const status = error.reason === 'timeout' ? 504 : error.reason === 'memory' ? 413 : 500;
        throw new ExportRefusal(status, `import_${error.reason}`, error.message);
      }
    },
    close() {
      closed = true;
      return pool.close();
    },
  };
}

/** The cache key part of a request: the format, and the report's language when one was asked for. */
function variant(format: ExportFormat, language?: Language): string {
  return language ? `${format}:${language}` : format;
}

/** A key naming exactly this document state: its state vector and delete set, hashed. */
function versionOf(doc: Y.Doc): string {
  return createHash('sha256')
    .update(Y.encodeSnapshot(Y.snapshot(doc)))
    .digest('base64url');
}

/** `work`, or an ExportJobError once the time budget has passed (a room that never answers). */
function withinBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ExportJobError('timeout', `the board could not be read within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

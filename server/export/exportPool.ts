/**
 * The export workers: a piscina pool of worker threads, each with a heap budget, running one
 * job at a time (an export, or loading an import) under a time budget. A job past its time is
 * stopped by terminating its worker; a job past its heap dies with its worker; either way the server thread only sees a
 * rejected promise (an ExportJobError) and piscina starts a fresh worker for the next job.
 *
 *   const pool = createExportPool({ workers: 2, memoryMb: 1024, timeoutMs: 60_000 });
 *   const file = await pool.run({ updates, format: 'pdf', now: Date.now() });
 */
import { Piscina } from 'piscina';
import type { ImportResult, ImportTask } from './loadImport';
import type { ExportTask, RenderedExport } from './renderExport';

/** Why a job ended without a file. */
export type ExportFailure = 'timeout' | 'memory' | 'failed';

/** A job that ended without a file. */
export class ExportJobError extends Error {
  override readonly name = 'ExportJobError';
  constructor(
    readonly reason: ExportFailure,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The pool's settings. */
export interface ExportPoolOptions {
  readonly workers: number;
  readonly memoryMb: number;
  readonly timeoutMs: number;
}

/** Runs export jobs on worker threads. */
export interface ExportPool {
  /** Renders in a worker; rejects with ExportJobError. */
  run(task: ExportTask): Promise<RenderedExport>;
  /** Loads an uploaded board in a worker, under the same budgets; rejects with ExportJobError. */
  runImport(task: ImportTask): Promise<ImportResult>;
  /** Stops every worker; running jobs reject. */
  close(): Promise<void>;
}

const WORKER = new URL('./exportWorker.mjs', import.meta.url).href;

/**
 * Creates the pool. It starts with the first job and keeps one worker from then on (others stop
 * after a minute idle): with none, piscina would leave jobs queued behind a stopped one waiting.
 */
export function createExportPool(options: ExportPoolOptions): ExportPool {
  let pool: ReturnType<typeof start> | null = null;
  const start = () =>
    new Piscina<(ExportTask | ImportTask) & { started: BigInt64Array }, RenderedExport | ImportResult>({
      filename: WORKER,
      minThreads: 1,
      maxThreads: options.workers,
      idleTimeout: 60_000,
      // A lower priority than the server thread: on a busy machine, relaying edits comes first.
      niceIncrement: 10,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
  let closed = false;
  async function run(task: ExportTask | ImportTask, name: string) {
    // The worker writes the time it takes the job up into `started`, so the budget counts the
    // work only: a job waiting behind others (or for a worker to start) is not cut short.
    const started = new BigInt64Array(new SharedArrayBuffer(8));
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      const at = Number(Atomics.load(started, 0));
      const due = (at === 0 ? Date.now() : at) + options.timeoutMs;
      if (at !== 0 && Date.now() >= due) controller.abort();
      else timer = setTimeout(check, due - Date.now());
    };
    timer = setTimeout(check, options.timeoutMs);
    try {
      if (closed) throw new Error('the export pool is closed');
      pool ??= start();
      return await pool.run({ ...task, started }, { signal: controller.signal, name });
    } catch (error) {
      throw classify(error, controller.signal, options, name === 'default' ? 'export' : 'import');
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    run: async (task) => (await run(task, 'default')) as RenderedExport,
    runImport: async (task) => (await run(task, 'importBoard')) as ImportResult,
    async close() {
      closed = true;
      await pool?.destroy();
    },
  };
}

function classify(
  error: unknown,
  signal: AbortSignal,
  options: ExportPoolOptions,
  what: string,
): ExportJobError {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new ExportJobError(
      'memory',
      `the ${what} needed more than its memory budget of ${options.memoryMb} MB and was stopped`,
      error,
    );
  if (signal.aborted)
    return new ExportJobError(
      'timeout',
      `the ${what} did not finish within its time budget of ${options.timeoutMs} ms and was stopped`,
      error,
    );
  return new ExportJobError('failed', `the ${what} failed`, error);
}

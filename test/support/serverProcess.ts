/**
 * The real server as a separate process (`node --import tsx server/main.ts`), for tests and
 * the soak that kill it with SIGKILL and start it again on the same DATA_DIR.
 *
 *   const server = await spawnServer({ dataDir });
 *   server.child.kill('SIGKILL');
 *   await server.exited;
 *   const again = await spawnServer({ dataDir, port: server.port });
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A running server process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly http: string;
  readonly ws: string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Everything it printed (the last `keepChars` characters). */
  output(): string;
}

/** Where to start it: a DATA_DIR, a port (0 picks a free one) and any further environment. */
export interface SpawnOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** How much of its output to keep for failure messages. */
  readonly keepChars?: number;
  /** Node options before the entry, e.g. `--cpu-prof` (not all are allowed in NODE_OPTIONS). */
  readonly nodeArgs?: readonly string[];
  /** The checkout whose server runs (another worktree, to compare); this one by default. */
  readonly root?: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts `server/main.ts` and resolves once it listens (it logs `server.listening` at info). */
export function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const keep = options.keepChars ?? 1_000_000;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: options.root ?? ROOT,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > keep) output = output.slice(-keep);
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let listening = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      record(chunk);
      const match = !listening && output.match(/"event":"server.listening".*?"port":(\d+)/);
      if (match) {
        listening = true;
        const port = Number(match[1]);
        resolve({
          child,
          port,
          http: `http://127.0.0.1:${port}`,
          ws: `ws://127.0.0.1:${port}/sync`,
          exited,
          output: () => output,
        });
      }
    });
    child.stderr!.on('data', record);
    void exited.then((code) => {
      if (!listening)
        reject(new Error(`server exited with ${code} before listening: ${output.slice(-2000)}`));
    });
  });
}

/**
 * A Redis of the test's own (`redis-server` on a free port, nothing saved), which the test may
 * kill and start again on the same port without touching the machine's shared Redis.
 *
 *   const redis = await startPrivateRedis();
 *   await redis.kill();    // SIGKILL: gone at once, as a crashed Redis is
 *   await redis.start();   // back on the same port, empty
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './freePort';

/** Where the private Redis comes from. */
export const REDIS_SERVER = process.env.REDIS_SERVER || '/usr/bin/redis-server';

/** A private Redis process. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** Kills it with SIGKILL and resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** What it printed, for failure messages. */
  output(): string;
}

/** Whether `redis-server` is installed; throws under REQUIRE_SERVICES=1 when it is not. */
export function redisServerAvailable(): boolean {
  if (existsSync(REDIS_SERVER)) return true;
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but ${REDIS_SERVER} is missing (apt-get install redis-server)`);
  console.warn(`skipping private-Redis tests: ${REDIS_SERVER} is missing (apt-get install redis-server)`);
  return false;
}

/** Starts a Redis on a free port and resolves once it accepts connections. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
      const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      const record = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
        if (output.includes('Ready to accept connections')) resolve();
      };
      started.stdout!.on('data', record);
      started.stderr!.on('data', record);
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
      started.once('error', reject);
    });
  // Each start looks for its own "Ready" line.
  const startFresh = async () => {
    output = '';
    await start();
  };
  await startFresh();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    start: startFresh,
    output: () => output,
  };
}

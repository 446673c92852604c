/**
 * The reference server, @y/websocket-server 0.1.1 (which stores nothing), in its own folder:
 * installed there on first use (the root install does not carry it) and started as its own
 * process on a free port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The peer's folder. */
export const REFERENCE_DIR = fileURLToPath(new URL('../peers/reference-server/', import.meta.url));

/** Installs the peer (`npm ci`) when its node_modules is missing. */
export function ensureReferenceInstalled(): void {
  if (existsSync(path.join(REFERENCE_DIR, 'node_modules', '@y', 'websocket-server'))) return;
  console.log('bench: installing the reference server (first run)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd: REFERENCE_DIR,
    stdio: 'inherit',
  });
}

/** Starts the reference server on a free port (with `nodeArgs`); resolves once it listens. */
export function startReference(
  nodeArgs: readonly string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...nodeArgs, 'start.js'], {
    cwd: REFERENCE_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (match) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}: ${output}`)));
  });
}

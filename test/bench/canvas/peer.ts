/**
 * The Excalidraw peer page: installed in its own folder on first use (the root install does
 * not carry Excalidraw), built with Vite when its sources are newer than its dist, and served
 * with the scenes the bench writes by a small static server on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The peer's folder. */
export const PEER_DIR = fileURLToPath(new URL('../peers/excalidraw/', import.meta.url));

const SOURCES = ['package.json', 'package-lock.json', 'index.html', 'vite.config.ts', 'src/main.ts'];

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Installs (`npm ci`) and builds the peer when needed; returns its dist folder. */
export function ensurePeerBuilt(): string {
  const dist = path.join(PEER_DIR, 'dist');
  const run = (args: string[]) => execFileSync('npm', args, { cwd: PEER_DIR, stdio: 'inherit' });
  if (!existsSync(path.join(PEER_DIR, 'node_modules'))) {
    console.log('bench: installing the Excalidraw peer (first run)…');
    run(['ci', '--no-audit', '--no-fund', '--loglevel', 'error']);
  }
  const built = mtime(path.join(dist, 'index.html'));
  if (SOURCES.some((file) => mtime(path.join(PEER_DIR, file)) > built)) {
    console.log('bench: building the Excalidraw peer…');
    run(['run', 'build']);
  }
  return dist;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A running static server for the peer. */
export interface PeerServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves `dist` and, under `scenes/<name>.json`, the given scene documents. */
export async function startPeerServer(dist: string, scenes: Map<string, string>): Promise<PeerServer> {
  const root = path.resolve(dist);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://peer').pathname);
    const scene = /^\/scenes\/([\w-]+)\.json$/.exec(pathname);
    if (scene) {
      const body = scenes.get(scene[1] ?? '');
      response.writeHead(body ? 200 : 404, { 'content-type': TYPES['.json'] });
      response.end(body ?? '');
      return;
    }
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

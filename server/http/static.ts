/**
 * Serves the built client. Hashed assets are cached for a year; every other path that is not
 * a file gets index.html, so `/b/<id>` opens the single-page app. Source maps are never
 * served (the build makes none, and one left in the folder stays private), and a missing
 * asset is a 404, not the page.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** A request handler serving files under `root`, falling back to index.html. */
export function createStaticHandler(root: string) {
  const base = path.resolve(root);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
      return;
    }
    const pathname = pathnameOf(req.url ?? '/');
    const sourceMap = pathname?.endsWith('.map') ?? false;
    const exact = pathname === null || sourceMap ? null : await resolveFile(base, pathname);
    if (!exact && (sourceMap || pathname?.startsWith('/assets/'))) {
      // The page in place of a missing script would only fail to parse; a map stays private.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const file = exact ?? (await resolveFile(base, '/index.html'));
    if (!file) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The client is not built. Run `npm start` (it builds first) or `npm run build`.\n');
      return;
    }
    const immutable = file.path.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file.path)] ?? 'application/octet-stream',
      'Content-Length': file.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/** The decoded path of a request URL, or null when it cannot be decoded or holds a NUL. */
function pathnameOf(url: string): string | null {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
    return pathname.includes('\0') ? null : pathname;
  } catch {
    return null;
  }
}

/** The file a decoded path names inside `base`, or null; never a path outside `base`. */
async function resolveFile(base: string, pathname: string): Promise<{ path: string; size: number } | null> {
  const candidate = path.resolve(base, `.${pathname}`);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  try {
    const info = await stat(candidate);
    return info.isFile() ? { path: candidate, size: info.size } : null;
  } catch {
    return null;
  }
}

/** The HTTP side of the server: health, then the built client for everything else. */
import { createServer, type Server } from 'node:http';
import type { ServerConfig } from '../config';
import { log } from '../log';
import { createStaticHandler } from './static';

/** A node:http server answering /healthz and serving the client. */
export function createHttpServer(config: ServerConfig): Server {
  const serveStatic = createStaticHandler(config.clientDir);
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    serveStatic(req, res).catch((error: unknown) => {
      log('error', 'http.static_failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
}

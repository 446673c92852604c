/**
 * The HTTP side of the server: health, readiness and metrics, the boards API, then the built
 * client for every other path (so `/b/<id>` opens the single-page app).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ServerConfig } from '../config';
import { log } from '../log';
import type { ServerMetrics } from '../serverMetrics';
import { handleBoardsApi, type BoardsApiDeps } from './boardsApi';
import { methodNotAllowed } from './access';
import type { Readiness } from './health';
import { HttpError, sendError, sendJson } from './json';
import { createMetricsHandler } from './metricsRoute';
import { setSecurityHeaders } from './securityHeaders';
import { createStaticHandler } from './static';

/** What the HTTP handlers need. */
export interface HttpDeps extends BoardsApiDeps {
  readonly metrics: ServerMetrics;
  readonly readiness: Readiness;
}

/** A node:http server answering /healthz, /readyz, /metrics, /api and serving the client. */
export function createHttpServer(config: ServerConfig, deps: HttpDeps): Server {
  const serveStatic = createStaticHandler(config.clientDir);
  const serveMetrics = createMetricsHandler(deps.metrics.registry, config.metricsToken);
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('error', 'http.failed', { error, path: pathOf(req) });
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'internal', message: 'internal server error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = !['/healthz', '/readyz', '/metrics', '/api'].some(
      (prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
    );
    setSecurityHeaders(res, page ? 'app' : 'data');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const state = await deps.readiness.check();
      const body = state.ready ? { status: 'ready' } : { status: 'not_ready', reason: state.reason };
      return sendJson(res, state.ready ? 200 : 503, body, { 'Cache-Control': 'no-store' });
    }
    if (url.pathname === '/metrics') return serveMetrics(req, res);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api(req, res, url);
    return serveStatic(req, res);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.startsWith('/api/boards')
      ? 'boards'
      : url.pathname === '/api/time'
        ? 'time'
        : 'other';
    try {
      // The server's clock, so every screen shows the same timer whatever its own clock says.
      if (route === 'time') {
        if (req.method !== 'GET') throw methodNotAllowed('GET');
        return sendJson(res, 200, { now: Date.now() });
      }
      if (route !== 'boards' || !/^\/api\/boards(\/[^/]+){0,4}\/?$/.test(url.pathname)) {
        throw new HttpError(404, 'not_found', 'no such API route');
      }
      await handleBoardsApi(req, res, url, deps);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const allow = (error.details as { allow?: string } | undefined)?.allow;
      if (allow) res.setHeader('Allow', allow);
      sendError(res, error);
    } finally {
      deps.metrics.httpRequests.inc({ route, method: req.method ?? '', status: String(res.statusCode) });
    }
  }
}

function pathOf(req: IncomingMessage): string {
  // Only the path: a query may hold a token, which never goes into logs.
  return (req.url ?? '/').split('?')[0] ?? '/';
}

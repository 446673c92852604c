/**
 * `/metrics`: with METRICS_TOKEN set, only a scraper sending `Authorization: Bearer <token>`
 * gets the text (401 otherwise); without it the endpoint is open, as before issue 13, and
 * should be kept off the public side of the proxy (README, "Health and metrics").
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../metrics';
import { sendJson } from './json';

/** A handler for /metrics guarded by `token` when given. */
export function createMetricsHandler(
  registry: Metrics,
  token: string | undefined,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const expected = token === undefined ? null : digest(token);
  return async (req, res) => {
    if (expected && !matches(req.headers.authorization, expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendJson(res, 401, { error: { code: 'unauthorized', message: 'metrics need a bearer token' } });
    }
    const text = await registry.render();
    res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
    res.end(text);
  };
}

function matches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Digests of equal length, so the comparison takes the same time whatever was sent.
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

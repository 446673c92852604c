/**
 * Headers every answer carries. The app's pages get a Content-Security-Policy that lets only
 * our own scripts run and only our own server be reached; API answers (and exported files
 * opened directly) get one that allows nothing at all. No page of ours may be framed by
 * another site, and no address (links carry tokens) leaks through a Referer.
 */
import type { ServerResponse } from 'node:http';

/** The policy of the single-page app. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React and Konva set element styles through the CSSOM, which style-src does not restrict.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // 'self' covers ws(s) to our own host in CSP 3; the schemes keep older engines syncing.
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy of everything that is data, not a page: JSON, exports, metrics. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Sets the headers shared by every answer; `kind` picks the policy. */
export function setSecurityHeaders(res: ServerResponse, kind: 'app' | 'data'): void {
  res.setHeader('Content-Security-Policy', kind === 'app' ? APP_CSP : DATA_CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

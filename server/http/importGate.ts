/**
 * Who may start an import now (`POST /api/boards/import` needs no token, so anyone can): at
 * most `maxConcurrentImports` bodies are read at once server-wide (503 beyond), and each client
 * address may start `importsPerMinute` per minute (a token bucket; 429 beyond). Both answers
 * carry Retry-After. Addresses are the socket's peer, or X-Forwarded-For under TRUST_PROXY
 * (clientAddress.ts).
 *
 *   const release = gate.admit(clientAddress(req, gate.settings.trustProxy ?? 0));
 *   try { … } finally { release(); }
 */
import type { ServerConfig } from '../config';
import type { ServerMetrics } from '../serverMetrics';
import { HttpError } from './json';

/** The settings the import route reads. */
export type ImportSettings = Pick<
  ServerConfig,
  | 'maxImportBytes'
  | 'maxImportItems'
  | 'maxImportLinks'
  | 'importsPerMinute'
  | 'maxConcurrentImports'
  | 'importBodyTimeoutMs'
> &
  Partial<Pick<ServerConfig, 'trustProxy'>>;

/** Admission of imports, with the limits it enforces. */
export interface ImportGate {
  readonly settings: ImportSettings;
  /** Admits one import from `address` or throws HttpError (429, 503); call the result when done. */
  admit(address: string | undefined): () => void;
  /** Counts an import refused later (too large, too slow, invalid), by reason. */
  refused(reason: string): void;
}

/** Addresses remembered at most; beyond, the longest-known is forgotten (it is likely full again). */
const MAX_ADDRESSES = 10_000;

/** Creates the gate, reporting refusals and imports being read in `metrics`. */
export function createImportGate(
  settings: ImportSettings,
  metrics?: ServerMetrics,
  now = Date.now,
): ImportGate {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = settings.importsPerMinute / 60_000;
  let reading = 0;
  const refused = (reason: string) => metrics?.importsRefused.inc({ reason });
  metrics?.registry.gauge('olievlek_imports_reading', 'Import bodies being read and loaded', () => reading);
  return {
    settings,
    refused,
    admit(address = 'unknown') {
      if (reading >= settings.maxConcurrentImports) {
        refused('busy');
        throw new HttpError(
          503,
          'import_busy',
          'the server is reading as many imports as it can; try again shortly',
          {
            retryAfter: 5,
          },
        );
      }
      const t = now();
      const bucket = buckets.get(address) ?? { tokens: settings.importsPerMinute, at: t };
      bucket.tokens = Math.min(settings.importsPerMinute, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.delete(address);
      buckets.set(address, bucket);
      if (buckets.size > MAX_ADDRESSES) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens < 1) {
        refused('rate');
        const retryAfter = Math.ceil((1 - bucket.tokens) / perMs / 1000);
        throw new HttpError(
          429,
          'import_rate',
          `at most ${settings.importsPerMinute} imports per minute from one address; try again in ${retryAfter} s`,
          { retryAfter },
        );
      }
      bucket.tokens -= 1;
      reading += 1;
      let done = false;
      return () => {
        if (!done) reading -= 1;
        done = true;
      };
    },
  };
}

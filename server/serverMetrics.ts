/** The metrics this server exposes at /metrics, created together so names live in one place. */
import { Metrics, type MetricsOptions } from './metrics';

/** Creates the registry and every metric the server updates; `options` as for Metrics. */
export function createServerMetrics(options?: MetricsOptions) {
  const registry = new Metrics(options);
  const storeBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
  return {
    registry,
    messagesIn: registry.counter('olievlek_ws_messages_in_total', 'WebSocket messages received, by type', [
      'type',
    ]),
    messagesOut: registry.counter('olievlek_ws_messages_out_total', 'WebSocket messages sent, by type', [
      'type',
    ]),
    bytesIn: registry.counter('olievlek_ws_bytes_in_total', 'WebSocket payload bytes received'),
    bytesOut: registry.counter('olievlek_ws_bytes_out_total', 'WebSocket payload bytes sent'),
    closes: registry.counter(
      'olievlek_ws_closes_total',
      'WebSocket connections closed by the server, by code',
      ['code'],
    ),
    dropped: registry.counter(
      'olievlek_updates_refused_total',
      'Document writes refused (viewer, locked, control) and awareness entries dropped, by reason',
      ['reason'],
    ),
    fanoutMessages: registry.counter(
      'olievlek_fanout_messages_total',
      'Messages between instances through Redis, by direction (out, in, failed) and type (update, resync, presence, query)',
      ['direction', 'type'],
    ),
    fanoutResyncs: registry.counter(
      'olievlek_fanout_resyncs_total',
      'Rooms read again from the store to catch up with other instances (after a gap or a Redis outage)',
    ),
    roomsLoaded: registry.counter('olievlek_rooms_loaded_total', 'Rooms loaded from storage'),
    compactions: registry.counter('olievlek_compactions_total', 'Update logs compacted into one state'),
    storeSeconds: registry.histogram(
      'olievlek_store_seconds',
      'Storage call latency in seconds, by operation',
      storeBuckets,
      ['op'],
    ),
    httpRequests: registry.counter('olievlek_http_requests_total', 'HTTP API requests, by route and status', [
      'route',
      'method',
      'status',
    ]),
    exportRenders: registry.counter(
      'olievlek_export_renders_total',
      'Export jobs run in a worker, by format and outcome (ok, timeout, memory, failed)',
      ['format', 'outcome'],
    ),
    exportCacheHits: registry.counter(
      'olievlek_export_cache_hits_total',
      'Exports answered from the cache of rendered files, by format',
      ['format'],
    ),
    exportCoalesced: registry.counter(
      'olievlek_export_coalesced_total',
      'Export requests that joined an identical job already running, by format',
      ['format'],
    ),
    exportRefused: registry.counter(
      'olievlek_export_refused_total',
      'Export requests refused before rendering, by reason (board_busy, server_busy)',
      ['reason'],
    ),
    exportSeconds: registry.histogram(
      'olievlek_export_seconds',
      'Time from starting an export job to its end, by format',
      [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      ['format'],
    ),
    importsRefused: registry.counter(
      'olievlek_imports_refused_total',
      'Imports refused, by reason (rate, busy, or the error code: body_too_large, body_timeout, too_many_items, …)',
      ['reason'],
    ),
  };
}

/** The server's metrics. */
export type ServerMetrics = ReturnType<typeof createServerMetrics>;

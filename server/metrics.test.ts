import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

describe('metrics', () => {
  it('renders counters, gauges and histograms in the Prometheus text format', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const messages = metrics.counter('messages_total', 'Messages', ['type']);
    messages.inc({ type: 'sync' });
    messages.inc({ type: 'sync' }, 2);
    messages.inc({ type: 'a"b\\c' });
    metrics.gauge('rooms', 'Rooms', () => 7);
    const latency = metrics.histogram('store_seconds', 'Latency', [0.01, 0.1], ['op']);
    latency.observe(0.005, { op: 'append' });
    latency.observe(0.05, { op: 'append' });
    const text = await metrics.render();
    expect(metrics.contentType).toContain('text/plain');
    for (const line of [
      '# TYPE messages_total counter',
      'messages_total{type="sync"} 3',
      'messages_total{type="a\\"b\\\\c"} 1',
      '# TYPE rooms gauge',
      'rooms 7',
      '# TYPE store_seconds histogram',
      'store_seconds_bucket{le="0.01",op="append"} 1',
      'store_seconds_bucket{le="0.1",op="append"} 2',
      'store_seconds_bucket{le="+Inf",op="append"} 2',
      'store_seconds_sum{op="append"} 0.055',
      'store_seconds_count{op="append"} 2',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('labels every series with the instance, process metrics included', async () => {
    const metrics = new Metrics();
    metrics.setInstance('olievlek-a:8080');
    metrics.counter('edits_total', 'Edits').inc();
    const text = await metrics.render();
    expect(text).toContain('edits_total{instance="olievlek-a:8080"} 1');
    // The default process metrics operators expect: event-loop lag, heap, GC.
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    const series = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(series.length).toBeGreaterThan(10);
    for (const line of series) expect(line).toContain('instance="olievlek-a:8080"');
  });

  it('refuses a label it was not told about, instead of a silently new series', () => {
    const metrics = new Metrics({ processMetrics: false });
    expect(() => metrics.counter('x_total', 'X', ['a']).inc({ b: '1' })).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

describe('metrics', () => {
  it('renders counters, gauges and histograms in the Prometheus text format', () => {
    const metrics = new Metrics();
    const messages = metrics.counter('messages_total', 'Messages');
    messages.inc({ type: 'sync' });
    messages.inc({ type: 'sync' }, 2);
    messages.inc({ type: 'a"b\\c' });
    metrics.gauge('rooms', 'Rooms', () => 7);
    const latency = metrics.histogram('store_seconds', 'Latency', [0.01, 0.1]);
    latency.observe(0.005, { op: 'append' });
    latency.observe(0.05, { op: 'append' });
    expect(metrics.render()).toBe(
      [
        '# HELP messages_total Messages',
        '# TYPE messages_total counter',
        'messages_total{type="sync"} 3',
        'messages_total{type="a\\"b\\\\c"} 1',
        '# HELP rooms Rooms',
        '# TYPE rooms gauge',
        'rooms 7',
        '# HELP store_seconds Latency',
        '# TYPE store_seconds histogram',
        'store_seconds_bucket{op="append",le="0.01"} 1',
        'store_seconds_bucket{op="append",le="0.1"} 2',
        'store_seconds_bucket{op="append",le="+Inf"} 2',
        'store_seconds_sum{op="append"} 0.055',
        'store_seconds_count{op="append"} 2',
        '',
      ].join('\n'),
    );
  });
});

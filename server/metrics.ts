/**
 * A small Prometheus registry: counters, gauges and histograms rendered in the text format
 * (version 0.0.4). Enough for /metrics without a dependency.
 *
 *   const sent = metrics.counter('olievlek_messages_out_total', 'Messages sent');
 *   sent.inc({ type: 'sync' });
 */

type Labels = Readonly<Record<string, string>>;

interface Metric {
  render(): string[];
}

/** A value that only goes up. */
export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

/** A value that goes up and down, or is read when scraped. */
export interface Gauge {
  set(value: number, labels?: Labels): void;
}

/** Observations counted into buckets. */
export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

/** The set of metrics one server exposes. */
export class Metrics {
  private readonly metrics: Metric[] = [];

  /** A counter named `name`. */
  counter(name: string, help: string): Counter {
    const values = new Map<string, number>();
    this.metrics.push({
      render: () => header(name, help, 'counter').concat(lines(name, values)),
    });
    return { inc: (labels = {}, by = 1) => values.set(key(labels), (values.get(key(labels)) ?? 0) + by) };
  }

  /** A gauge; `read`, when given, supplies its value at scrape time. */
  gauge(name: string, help: string, read?: () => number): Gauge {
    const values = new Map<string, number>();
    this.metrics.push({
      render: () => {
        if (read) values.set('', read());
        return header(name, help, 'gauge').concat(lines(name, values));
      },
    });
    return { set: (value, labels = {}) => values.set(key(labels), value) };
  }

  /** A histogram with the given upper bounds (ascending). */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const series = new Map<string, { counts: number[]; sum: number; count: number }>();
    this.metrics.push({
      render: () => {
        const out = header(name, help, 'histogram');
        for (const [labels, s] of series) {
          buckets.forEach((le, i) => out.push(`${name}_bucket${join(labels, `le="${le}"`)} ${s.counts[i]}`));
          out.push(`${name}_bucket${join(labels, 'le="+Inf"')} ${s.count}`);
          out.push(`${name}_sum${braces(labels)} ${s.sum}`, `${name}_count${braces(labels)} ${s.count}`);
        }
        return out;
      },
    });
    return {
      observe: (value, labels = {}) => {
        const k = key(labels);
        let s = series.get(k);
        if (!s) series.set(k, (s = { counts: buckets.map(() => 0), sum: 0, count: 0 }));
        buckets.forEach((le, i) => {
          if (value <= le) s.counts[i] = (s.counts[i] ?? 0) + 1;
        });
        s.sum += value;
        s.count += 1;
      },
    };
  }

  /** Every metric in the Prometheus text format. */
  render(): string {
    return `${this.metrics.flatMap((m) => m.render()).join('\n')}\n`;
  }
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
}

function lines(name: string, values: Map<string, number>): string[] {
  return [...values].map(([labels, value]) => `${name}${braces(labels)} ${value}`);
}

/** Labels as `a="x",b="y"`, sorted so the same labels always give the same series. */
function key(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`)
    .join(',');
}

function braces(labels: string): string {
  return labels ? `{${labels}}` : '';
}

function join(labels: string, extra: string): string {
  return `{${labels ? `${labels},` : ''}${extra}}`;
}

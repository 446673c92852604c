/**
 * The server's Prometheus registry, on prom-client: Node's default process metrics (event-loop
 * lag, heap, GC, CPU, handles) next to ours, every series labelled with the `instance` it
 * comes from. Callers keep a small surface (inc, set, observe) so the library stays in here.
 *
 *   const sent = metrics.counter('olievlek_messages_out_total', 'Messages sent', ['type']);
 *   sent.inc({ type: 'sync' });
 */
import * as prom from 'prom-client';

type Labels = Readonly<Record<string, string>>;

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

/** Options of a registry. */
export interface MetricsOptions {
  /** Adds Node's default process metrics (on by default; off for small unit tests). */
  readonly processMetrics?: boolean;
}

/** The set of metrics one server exposes. */
export class Metrics {
  private readonly registry = new prom.Registry();

  /** The Content-Type of `render()`'s text. */
  readonly contentType: string = this.registry.contentType;

  constructor(options: MetricsOptions = {}) {
    if (options.processMetrics ?? true) prom.collectDefaultMetrics({ register: this.registry });
  }

  /** Labels every series with the instance that exposes it (INSTANCE_ID, or host:port). */
  setInstance(instance: string): void {
    this.registry.setDefaultLabels({ instance });
  }

  /** A counter named `name`; labels used later must be among `labelNames`. */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    const counter = new prom.Counter({ name, help, labelNames, registers: [this.registry] });
    return {
      // Unlabelled calls skip prom-client's label hashing: they run once per websocket frame.
      inc: (labels, by = 1) => (labels && hasKeys(labels) ? counter.inc(labels, by) : counter.inc(by)),
    };
  }

  /** A gauge; `read`, when given, supplies its value at scrape time. */
  gauge(name: string, help: string, read?: () => number, labelNames: readonly string[] = []): Gauge {
    const gauge: prom.Gauge = new prom.Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(read ? { collect: () => gauge.set(read()) } : {}),
    });
    return {
      set: (value, labels) => (labels && hasKeys(labels) ? gauge.set(labels, value) : gauge.set(value)),
    };
  }

  /** A histogram with the given upper bounds (ascending). */
  histogram(
    name: string,
    help: string,
    buckets: readonly number[],
    labelNames: readonly string[] = [],
  ): Histogram {
    const histogram = new prom.Histogram({
      name,
      help,
      labelNames,
      buckets: [...buckets],
      registers: [this.registry],
    });
    return {
      observe: (value, labels) =>
        labels && hasKeys(labels) ? histogram.observe(labels, value) : histogram.observe(value),
    };
  }

  /** Every metric in the Prometheus text format (version 0.0.4). */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}

function hasKeys(labels: Labels): boolean {
  for (const _ in labels) return true;
  return false;
}

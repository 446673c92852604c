/** The bench's tables, in Markdown: one row per scenario and server, and the memory at rest. */
import type { PhaseResult } from './plan';

/** One scenario on one server. */
export interface Row {
  readonly scenario: string;
  readonly target: string;
  readonly result?: PhaseResult;
  /** Server CPU over the measured window, summed over instances (100 = one core). */
  readonly serverCpu?: number;
  /** Server CPU seconds in the window per 1,000 deliveries: what a delivery costs, whatever else runs. */
  readonly cpuPerThousand?: number;
  /** Server RSS at the end of the window, per instance. */
  readonly rss?: readonly number[];
  readonly skipped?: string;
}

/** Memory of one server at rest. */
export interface MemoryRow {
  readonly target: string;
  /** RSS per instance right after start, before any client connects. */
  readonly baseRss?: readonly number[];
  /** RSS growth per idle connection (bytes), rooms already loaded. */
  readonly perConnection?: number;
  readonly connections?: number;
  readonly skipped?: string;
}

const mb = (bytes: readonly number[]) => bytes.map((b) => `${(b / 2 ** 20).toFixed(0)} MB`).join(' + ');

function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

function loss(result: PhaseResult): string {
  if (result.kind === 'cursors') return '—';
  const share = result.edits === 0 ? 0 : (100 * result.lostEdits) / result.edits;
  return `${result.lostEdits} of ${result.edits} (${share.toFixed(share > 0 && share < 0.1 ? 2 : 1)} %)`;
}

function line(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The latency table. */
export function latencyTable(rows: readonly Row[]): string {
  const head = [
    'scenario',
    'server',
    'p50',
    'p95',
    'p99',
    'loss (edits)',
    'server CPU',
    'CPU ms per 1k deliveries',
    'server RSS',
    'frames/s per client',
    'load CPU',
  ];
  const out = [line(head), line(['---', '---', ...head.slice(2).map(() => '--:')])];
  for (const row of rows) {
    const r = row.result;
    if (!r) {
      out.push(
        line([
          row.scenario,
          row.target,
          `skipped: ${row.skipped ?? 'no result'}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]),
      );
      continue;
    }
    const trouble = r.closed + r.denied > 0 ? ` (${r.closed} closed, ${r.denied} denied)` : '';
    out.push(
      line([
        row.scenario,
        row.target,
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        loss(r) + trouble,
        `${(row.serverCpu ?? NaN).toFixed(0)} %`,
        (row.cpuPerThousand ?? NaN).toFixed(1),
        mb(row.rss ?? []),
        r.framesPerClientPerS.toFixed(1),
        `${r.loadCpu.toFixed(0)} %`,
      ]),
    );
  }
  return out.join('\n');
}

/** The memory table. */
export function memoryTable(rows: readonly MemoryRow[]): string {
  const out = [line(['server', 'RSS before any client', 'per idle connection']), line(['---', '--:', '--:'])];
  for (const row of rows) {
    if (row.skipped) {
      out.push(line([row.target, `skipped: ${row.skipped}`, '']));
      continue;
    }
    const per =
      row.perConnection === undefined
        ? '—'
        : `${(row.perConnection / 1024).toFixed(1)} KB (${row.connections} connections)`;
    out.push(line([row.target, row.baseRss ? mb(row.baseRss) : '—', per]));
  }
  return out.join('\n');
}

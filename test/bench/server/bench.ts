/**
 * `npm run bench:server`: the sync server under load, next to the reference y-websocket
 * server, in one run. For each scenario group every target is started fresh (pinned to core
 * 0), then a separate load-generator process (load.ts, pinned to core 1) connects real
 * protocol clients and measures delivery latency and loss while this process samples the
 * servers' CPU and RSS from /proc at the generator's marks.
 *
 *   (a) 500 clients in 10 rooms at 1 edit/s each, (b) the same at 2 and 4 edits/s,
 *   (c) 100 clients in one room at 1 edit/s, (d) 50 clients moving cursors at 20 Hz,
 *   (e) RSS before any client connects and per idle connection.
 *
 * Settings: BENCH_MEASURE_S (15), BENCH_WARMUP_S (4), BENCH_DRAIN_S (15),
 * BENCH_SCENARIOS=a1,b2,b4,c,d (a subset), BENCH_TARGETS=sqlite,reference,scaleout (a subset),
 * BENCH_CPU_PROF=<folder> (the servers write --cpu-prof profiles there on exit),
 * BENCH_NODE_ARGS="--flag …" (node options for every server process, for experiments),
 * BENCH_BASELINE=<checkout> (also runs Olievlek from that worktree, e.g. main before a change:
 * target `baseline`).
 * The table goes to stdout and to test/bench/results/server.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureReferenceInstalled } from './peer';
import type { FromLoad, LoadPlan, PhasePlan, PhaseResult, ToLoad } from './plan';
import { canPin, cpuSeconds, rssBytes } from './procStats';
import { latencyTable, memoryTable, type MemoryRow, type Row } from './table';
import { olievlekScaleOut, olievlekSqlite, reference, type RunningTarget, type Target } from './targets';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;
const MEASURE_MS = seconds('BENCH_MEASURE_S', 15);
const WARMUP_MS = seconds('BENCH_WARMUP_S', 4);
const DRAIN_MS = seconds('BENCH_DRAIN_S', 15);
const LOAD_CORE = 1;
const LOAD_FILE = fileURLToPath(new URL('./load.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));

interface Group {
  readonly rooms: number;
  readonly perRoom: number;
  readonly idleMemory: boolean;
  readonly phases: readonly (PhasePlan & { readonly key: string })[];
}

const GROUPS: readonly Group[] = [
  {
    rooms: 10,
    perRoom: 50,
    idleMemory: true,
    phases: [
      { key: 'a1', label: '(a) 500 in 10 rooms, 1 edit/s', kind: 'edits', rate: 1 },
      { key: 'b2', label: '(b) 500 in 10 rooms, 2 edits/s', kind: 'edits', rate: 2 },
      { key: 'b4', label: '(b) 500 in 10 rooms, 4 edits/s', kind: 'edits', rate: 4 },
    ],
  },
  {
    rooms: 1,
    perRoom: 100,
    idleMemory: false,
    phases: [{ key: 'c', label: '(c) 100 in one room, 1 edit/s', kind: 'edits', rate: 1 }],
  },
  {
    rooms: 1,
    perRoom: 50,
    idleMemory: false,
    phases: [{ key: 'd', label: '(d) 50 cursors at 20 Hz', kind: 'cursors', rate: 20 }],
  },
];

const BASELINE = process.env.BENCH_BASELINE;
const TARGETS: Record<string, Target> = {
  sqlite: olievlekSqlite(),
  ...(BASELINE
    ? { baseline: olievlekSqlite(`Olievlek (SQLite) at ${path.basename(BASELINE)}`, BASELINE) }
    : {}),
  reference,
  scaleout: olievlekScaleOut,
};

function selected<T>(variable: string, all: readonly T[], key: (item: T) => string): T[] {
  const wanted = process.env[variable]?.split(',').map((s) => s.trim());
  return wanted ? all.filter((item) => wanted.includes(key(item))) : [...all];
}

/** Runs one load-generator process against a started target; returns its rows. */
async function runLoad(
  target: Target,
  running: RunningTarget,
  group: Group,
  phases: Group['phases'],
  memory: MemoryRow & { baseRss: number[] },
): Promise<Row[]> {
  const plan: LoadPlan = {
    rooms: await running.rooms(group.rooms, group.perRoom),
    phases,
    warmupMs: WARMUP_MS,
    measureMs: MEASURE_MS,
    drainMs: DRAIN_MS,
    idleMemory: group.idleMemory,
  };
  const args = ['--import', 'tsx', LOAD_FILE];
  const child = canPin
    ? spawn('taskset', ['-c', String(LOAD_CORE), process.execPath, ...args], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const cpu = () => running.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const rss = () => running.pids.map(rssBytes);
  const marks = new Map<string, { at: number; cpu: number; rss: number[] }>();
  const rows: Row[] = [];
  child.on('message', (message: FromLoad) => {
    if (message.type === 'mark') {
      marks.set(message.name, { at: performance.now(), cpu: cpu(), rss: rss() });
      child.send({ type: 'marked' } satisfies ToLoad);
    } else if (message.type === 'log') {
      console.log(`bench: ${target.name}: ${message.message}`);
    } else {
      rows.push(row(target, message.result, marks));
      console.log(`bench: ${summary(rows.at(-1)!)}`);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.send({ type: 'plan', plan } satisfies ToLoad);
  const code = await exited;
  if (code !== 0) console.error(`bench: the load generator exited with ${code}`);
  const first = marks.get('idle-first');
  const all = marks.get('idle-all');
  if (first && all) {
    const connections = group.rooms * (group.perRoom - 1);
    const grown = all.rss.reduce((a, b) => a + b, 0) - first.rss.reduce((a, b) => a + b, 0);
    Object.assign(memory, { perConnection: grown / connections, connections });
  }
  return rows;
}

function row(
  target: Target,
  result: PhaseResult,
  marks: Map<string, { at: number; cpu: number; rss: number[] }>,
): Row {
  const start = marks.get(`start:${result.label}`);
  const end = marks.get(`end:${result.label}`);
  const cpu = start && end ? end.cpu - start.cpu : NaN;
  const serverCpu = start && end ? (100 * cpu) / ((end.at - start.at) / 1000) : NaN;
  // Deliveries counted are those of edits sent in the window (cursors: those received in it).
  const cpuPerThousand = (1000 * cpu) / (result.samples / 1000);
  return {
    scenario: result.label,
    target: target.name,
    result,
    serverCpu,
    cpuPerThousand,
    rss: end?.rss ?? [],
  };
}

function summary(row: Row): string {
  const r = row.result!;
  return (
    `${row.scenario} on ${row.target}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
    `lost ${r.lostEdits}/${r.edits}, server CPU ${row.serverCpu?.toFixed(0)} % ` +
    `(${row.cpuPerThousand?.toFixed(1)} ms per 1k deliveries), ` +
    `${r.framesPerClientPerS.toFixed(1)} frames/s per client, load CPU ${r.loadCpu.toFixed(0)} %`
  );
}

async function main(): Promise<void> {
  const began = Date.now();
  const targets = selected('BENCH_TARGETS', Object.keys(TARGETS), (key) => key).map((key) => TARGETS[key]!);
  if (targets.includes(reference)) ensureReferenceInstalled();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  console.log(
    `bench: ${cpus().length} cores, load average ${load}; ${canPin ? 'servers on core 0, load on core 1' : 'no taskset: not pinned'}; ` +
      `warm-up ${WARMUP_MS / 1000} s, measured ${MEASURE_MS / 1000} s, drain ≤ ${DRAIN_MS / 1000} s`,
  );
  const rows: Row[] = [];
  const memory = new Map<Target, MemoryRow & { baseRss: number[] }>(
    targets.map((target) => [target, { target: target.name, baseRss: [] }]),
  );
  for (const group of GROUPS) {
    const phases = selected('BENCH_SCENARIOS', group.phases, (phase) => phase.key);
    if (phases.length === 0) continue;
    // The servers take turns on each group, so they see the same machine.
    for (const target of targets) {
      const started = await target.start().catch((error: unknown) => ({
        skipped: `failed to start: ${String(error).slice(0, 300)}`,
      }));
      if ('skipped' in started) {
        console.log(`bench: ${target.name} skipped: ${started.skipped}`);
        Object.assign(memory.get(target)!, { skipped: started.skipped });
        for (const phase of phases)
          rows.push({ scenario: phase.label, target: target.name, skipped: started.skipped });
        continue;
      }
      try {
        const mem = memory.get(target)!;
        // Base RSS once the server is up and quiet, before boards or clients.
        await sleep(1000);
        if (mem.baseRss.length === 0) mem.baseRss.push(...started.pids.map(rssBytes));
        rows.push(...(await runLoad(target, started, group, phases, mem)));
      } catch (error) {
        console.error(`bench: ${target.name} failed:`, error);
        for (const phase of phases)
          rows.push({ scenario: phase.label, target: target.name, skipped: 'failed' });
      } finally {
        await started.stop();
      }
    }
  }
  const minutes = ((Date.now() - began) / 60_000).toFixed(1);
  const ordered = rows.sort((a, b) => a.scenario.localeCompare(b.scenario));
  const text = [
    `Server bench, ${new Date().toISOString().slice(0, 16)}Z, ${minutes} min; load average at start ${load}, ` +
      `at end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}; warm-up ${WARMUP_MS / 1000} s, ` +
      `measured ${MEASURE_MS / 1000} s, drain ≤ ${DRAIN_MS / 1000} s.`,
    '',
    latencyTable(ordered),
    '',
    memoryTable([...memory.values()]),
    '',
  ].join('\n');
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}server.md`, text);
  console.log(`\n${text}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

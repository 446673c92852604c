/**
 * The load generator: a process of its own (the runner pins it to another core than the
 * servers), started by bench.ts with an IPC channel. It receives one plan, connects the
 * clients, and runs each phase: warm-up, measured window (bracketed by marks at which the
 * runner samples the servers), then a drain in which edits still on their way may arrive.
 * Latency is receive time minus the send time stamped into the edit, both read from this
 * process's clock; an edit is lost when some other client in its room never got it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchClient, type ClientEvents } from './client';
import type { FromLoad, LoadPlan, PhasePlan, PhaseResult, ToLoad } from './plan';
import { Samples } from './stats';

/** Sockets opened at once: the server caps upgrades waiting for their token check. */
const CONNECT_CONCURRENCY = 32;
/** Time for memory to settle before an idle sample. */
const SETTLE_MS = 2000;

function tell(message: FromLoad): void {
  process.send!(message);
}

let marked: (() => void) | null = null;

/** Asks the runner to sample the servers now; resolves once it has. */
function mark(name: string): Promise<void> {
  return new Promise((resolve) => {
    marked = resolve;
    tell({ type: 'mark', name });
  });
}

/** Per-phase tallies the clients' events feed. */
class Tally {
  latency = new Samples();
  frames = 0;
  /** Per sender: the first and past-the-last sequence numbers measured in this phase. */
  readonly window = new Map<number, [number, number]>();
  /** Deliveries per edit, keyed sender * 2^20 + seq. */
  readonly delivered = new Map<number, number>();
  closed = 0;
  denied = 0;
  counting = false;
}

async function run(plan: LoadPlan): Promise<void> {
  let tally = new Tally();
  const trouble = { closed: 0, denied: 0 };
  let phaseKind: PhasePlan['kind'] = 'edits';
  const events: ClientEvents = {
    edit(from, seq, sentAt, receivedAt) {
      const window = tally.window.get(from);
      if (!window || seq < window[0] || seq >= window[1]) return;
      tally.latency.add(receivedAt - sentAt);
      const key = from * 2 ** 20 + seq;
      tally.delivered.set(key, (tally.delivered.get(key) ?? 0) + 1);
    },
    cursor(sentAt, receivedAt) {
      if (tally.counting) tally.latency.add(receivedAt - sentAt);
    },
    updateFrame() {
      if (tally.counting && phaseKind === 'edits') tally.frames += 1;
    },
    awarenessFrame() {
      if (tally.counting && phaseKind === 'cursors') tally.frames += 1;
    },
    trouble(kind, detail) {
      trouble[kind] += 1;
      if (trouble[kind] <= 3) tell({ type: 'log', message: `client ${kind}: ${detail}` });
    },
  };

  let next = 0;
  const rooms = plan.rooms.map((urls) => urls.map((url) => new BenchClient(next++, url, events)));
  const all = rooms.flat();
  const roomOf = new Map(rooms.flatMap((room) => room.map((client) => [client.index, room.length] as const)));
  const connectAll = async (clients: BenchClient[]) => {
    const queue = [...clients];
    await Promise.all(
      Array.from({ length: CONNECT_CONCURRENCY }, async () => {
        for (let client = queue.shift(); client; client = queue.shift()) await client.connect();
      }),
    );
  };
  if (plan.idleMemory) {
    const first = rooms.map((room) => room[0]!);
    await connectAll(first);
    await sleep(SETTLE_MS);
    await mark('idle-first');
    await connectAll(all.filter((client) => !first.includes(client)));
    await sleep(SETTLE_MS);
    await mark('idle-all');
  } else {
    await connectAll(all);
  }
  for (const client of all) client.addCard();
  await sleep(1000);

  for (const phase of plan.phases) {
    phaseKind = phase.kind;
    tally = new Tally();
    for (const client of all) client.decodeCursors = phase.kind === 'cursors';
    const timers: NodeJS.Timeout[] = [];
    const period = 1000 / phase.rate;
    for (const client of all) {
      const step = phase.kind === 'edits' ? () => client.edit() : () => client.moveCursor();
      // Spread over the period so the clients do not send in lockstep.
      timers.push(setTimeout(() => timers.push(setInterval(step, period)), Math.random() * period));
    }
    await sleep(plan.warmupMs);
    await mark(`start:${phase.label}`);
    for (const client of all) tally.window.set(client.index, [client.sent, Infinity]);
    tally.counting = true;
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    await sleep(plan.measureMs);
    const elapsedS = (performance.now() - began) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    tally.counting = false;
    for (const client of all) tally.window.get(client.index)![1] = client.sent;
    await mark(`end:${phase.label}`);
    timers.forEach((timer) => clearInterval(timer));
    const frames = tally.frames;

    let edits = 0;
    const countMissing = () => {
      let lost = 0;
      let missed = 0;
      edits = 0;
      for (const [sender, [from, to]] of tally.window) {
        const others = roomOf.get(sender)! - 1;
        for (let seq = from; seq < to; seq++) {
          const got = tally.delivered.get(sender * 2 ** 20 + seq) ?? 0;
          edits += 1;
          if (got < others) {
            lost += 1;
            missed += others - got;
          }
        }
      }
      return { lost, missed };
    };
    const drainStart = performance.now();
    let missing = countMissing();
    while (phase.kind === 'edits' && missing.lost > 0 && performance.now() - drainStart < plan.drainMs) {
      await sleep(100);
      missing = countMissing();
    }
    const result: PhaseResult = {
      label: phase.label,
      kind: phase.kind,
      ...tally.latency.summary(),
      samples: tally.latency.count,
      edits: phase.kind === 'edits' ? edits : 0,
      lostEdits: phase.kind === 'edits' ? missing.lost : 0,
      missedDeliveries: phase.kind === 'edits' ? missing.missed : 0,
      framesPerClientPerS: frames / all.length / elapsedS,
      loadCpu: ((cpu.user + cpu.system) / 1000 / (elapsedS * 1000)) * 100,
      closed: trouble.closed,
      denied: trouble.denied,
      drainMs: Math.round(performance.now() - drainStart),
    };
    tell({ type: 'result', result });
    // Let what is left of a backlog reach the clients before the next phase's warm-up.
    await sleep(500);
  }
  for (const client of all) client.close();
}

process.on('message', (message: ToLoad) => {
  if (message.type === 'marked') {
    const resolve = marked;
    marked = null;
    resolve?.();
    return;
  }
  // y-websocket-style clients each hold an awareness timer; hundreds are expected here.
  process.setMaxListeners(0);
  run(message.plan).then(
    () => process.disconnect(),
    (error: unknown) => {
      tell({ type: 'log', message: `load generator failed: ${(error as Error).stack ?? String(error)}` });
      process.exitCode = 1;
      process.disconnect();
    },
  );
});

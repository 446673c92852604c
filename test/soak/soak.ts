/**
 * `npm run soak`: mixed load on the real server as a separate process, killed with SIGKILL and
 * restarted on the same DATA_DIR again and again, with SQLite's integrity checked each time
 * it is down. Writers (WebsocketProvider + Y.Doc, never reset) keep editing through the
 * outages, so what the server had not stored goes back through the sync protocol; readers
 * watch, every writer moves a cursor, exports run now and then. At the end every writer must
 * be acknowledged, and a reload from the store must hold every edit that was acknowledged or
 * that another client saw. Exits non-zero on any loss, integrity failure or server error.
 *
 *   npm run soak                               # 30 minutes, 100 kills
 *   SOAK_MINUTES=2 npm run soak                # a trial; kills scale (7 here)
 *   SOAK_ROOMS=6 SOAK_EDITS_PER_S=3 SEED=7 npm run soak
 */
import * as prng from 'lib0/prng';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { fetchServerState } from '../support/serverState';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { integrityCheck, storedState } from '../support/storedLog';
import { connectClient, cursorStep, writerStep, type SoakClient } from './clients';
import { createLedger } from './ledger';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const MINUTES = env('SOAK_MINUTES', 30);
const KILLS = env('SOAK_KILLS', Math.max(1, Math.round((100 * MINUTES) / 30)));
const ROOMS = env('SOAK_ROOMS', 4);
const WRITERS = env('SOAK_WRITERS', 3);
const READERS = env('SOAK_READERS', 2);
const EDITS_PER_S = env('SOAK_EDITS_PER_S', 1);
const SEED = env('SEED', Date.now() % 1_000_000);
/** How long the writers may take to get everything acknowledged once the load stops. */
const DRAIN_MS = 120_000;

interface Board {
  readonly id: string;
  readonly tokens: { facilitator: string; participant: string; viewer: string };
}

const stats = {
  kills: 0,
  integrityFailures: [] as string[],
  unexpectedExits: 0,
  restartMs: [] as number[],
  exports: { ok: 0, serverErrors: [] as string[], interrupted: 0 },
  cursorMoves: 0,
};

async function main(): Promise<void> {
  const gen = prng.create(SEED);
  const durationMs = MINUTES * 60_000;
  console.log(
    `soak: ${MINUTES} min, ${KILLS} SIGKILL cycles, ${ROOMS} rooms × ${WRITERS} writers + ${READERS} readers, ` +
      `${EDITS_PER_S} edits/s per writer, SEED=${SEED}`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-soak-'));
  let server: ServerProcess = await spawnServer({ dataDir, keepChars: 200_000 });
  const port = server.port;
  let down = false;
  let watching = true;
  const watchExit = (s: ServerProcess) =>
    void s.exited.then((code) => {
      if (watching && s === server && !down) {
        stats.unexpectedExits += 1;
        console.error(`server exited unexpectedly (${code}):\n${s.output().slice(-3000)}`);
      }
    });
  watchExit(server);

  const boards: Board[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const res = await fetch(`${server.http}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Soak ${i + 1}`, language: 'nl' }),
    });
    if (res.status !== 201) throw new Error(`create board: ${res.status}`);
    boards.push((await res.json()) as Board);
  }

  const ledger = createLedger();
  // y-websocket adds a process 'exit' listener per provider.
  process.setMaxListeners(ROOMS * (WRITERS + READERS) + 10);
  const writers: { client: SoakClient; counter: { n: number } }[] = [];
  const clients: SoakClient[] = [];
  boards.forEach((board, b) => {
    for (let w = 0; w < WRITERS; w++) {
      const token = w === 0 ? board.tokens.facilitator : board.tokens.participant;
      const client = connectClient(server.ws, board.id, token, `r${b}w${w}`, ledger);
      writers.push({ client, counter: { n: 0 } });
      clients.push(client);
    }
    for (let r = 0; r < READERS; r++)
      clients.push(connectClient(server.ws, board.id, board.tokens.viewer, `r${b}v${r}`, ledger));
  });

  const timers: NodeJS.Timeout[] = [];
  for (const writer of writers) {
    timers.push(
      setInterval(() => writerStep(gen, writer.client, writer.counter, ledger), 1000 / EDITS_PER_S),
    );
  }
  timers.push(
    setInterval(() => {
      for (const { client } of writers) cursorStep(gen, client);
      stats.cursorMoves += writers.length;
    }, 200),
  );

  // Acknowledgements: a separate observer asks the server what it has stored.
  const acknowledge = async (board: Board): Promise<void> => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await fetchServerState(server.ws, board.id, board.tokens.viewer));
    ledger.stored(board.id, doc.getMap('items').keys());
    doc.destroy();
  };
  let running = true;
  const ackLoop = (async () => {
    while (running) {
      for (const board of boards) if (!down) await acknowledge(board).catch(() => {});
      await sleep(1000);
    }
  })();

  const exportLoop = (async () => {
    let n = 0;
    while (running) {
      await sleep(5000);
      if (down || !running) continue;
      n += 1;
      const format = n % 8 === 0 ? 'png' : n % 8 === 4 ? 'pdf' : prng.oneOf(gen, ['json', 'md', 'svg']);
      const board = prng.oneOf(gen, boards);
      try {
        const res = await fetch(
          `${server.http}/api/boards/${board.id}/export?format=${format}&token=${board.tokens.viewer}`,
        );
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status >= 500) {
          // The server's own words (a JSON error) and what it logged about failed work.
          const logged = server
            .output()
            .split('\n')
            .filter((line) => /"level":"error"/.test(line))
            .slice(-3)
            .join('\n  ');
          stats.exports.serverErrors.push(
            `${format}: ${res.status} ${body.toString('utf8', 0, 300)}\n  ${logged}`,
          );
        } else stats.exports.ok += 1;
      } catch {
        stats.exports.interrupted += 1; // killed mid-request
      }
    }
  })();

  /**
   * Kills the server; while it is down, checks the SQLite file and reads every room straight
   * from it (before any writer can bring an edit back), then starts it again on the same port.
   */
  const killCycle = async (): Promise<void> => {
    down = true;
    const dying = server;
    dying.child.kill('SIGKILL');
    await dying.exited;
    stats.kills += 1;
    const survivors = boards.map((board) => ledger.survivors(board.id));
    const integrity = integrityCheck(dataDir);
    if (integrity !== 'ok') stats.integrityFailures.push(`kill ${stats.kills}: ${integrity}`);
    for (const [i, board] of boards.entries()) {
      const missing = ledger.checkReload(survivors[i]!, itemIds(storedState(dataDir, board.id)));
      if (missing.length > 0)
        console.error(
          `kill ${stats.kills}: ${missing.length} edits lost in ${board.id}: ${missing.slice(0, 5)}`,
        );
    }
    const started = Date.now();
    server = await restart(dataDir, port);
    stats.restartMs.push(Date.now() - started);
    watchExit(server);
    down = false;
  };

  const began = Date.now();
  const progress = setInterval(() => report(Date.now() - began), 30_000);
  for (let k = 1; k <= KILLS; k++) {
    const at = began + (k * durationMs) / (KILLS + 1);
    await sleep(Math.max(0, at - Date.now()));
    await killCycle();
  }
  await sleep(Math.max(0, began + durationMs - Date.now()));

  // Load off; every writer must get everything acknowledged (resent through sync on reconnect).
  timers.forEach(clearInterval);
  const drainStart = Date.now();
  while (boards.some((b) => ledger.pending(b.id).length > 0) && Date.now() < drainStart + DRAIN_MS)
    await sleep(500);
  const drainedMs = Date.now() - drainStart;
  running = false;
  await Promise.all([ackLoop, exportLoop]);

  // The final reload: the clients leave (so none can bring anything back), SIGKILL once
  // more, the store is read as it is, then a fresh server loads it and must agree.
  clearInterval(progress);
  clients.forEach((client) => client.destroy());
  await killCycle();
  for (const board of boards) {
    const missing = ledger.checkReload(ledger.survivors(board.id), await storedIds(server, board));
    if (missing.length > 0) console.error(`final reload: ${missing.length} edits missing in ${board.id}`);
  }
  watching = false;
  server.child.kill('SIGTERM');
  const code = await server.exited;

  const counts = ledger.counts();
  report(Date.now() - began);
  const restarts = stats.restartMs.sort((a, b) => a - b);
  console.log(
    [
      '',
      'soak summary',
      `  duration            ${((Date.now() - began) / 60_000).toFixed(1)} min, SEED=${SEED}`,
      `  edits sent          ${counts.sent} (${counts.sentOffline} while their writer was disconnected)`,
      `  acknowledged        ${counts.acknowledged}`,
      `  relayed             ${counts.relayed} (seen by another client)`,
      `  lost                ${counts.lost}`,
      `  unacknowledged      ${counts.unacknowledged} (${(drainedMs / 1000).toFixed(1)} s of draining, at most ${DRAIN_MS / 1000} s)`,
      `  SIGKILL cycles      ${stats.kills}, the last at the end (integrity_check ok after ${stats.kills - stats.integrityFailures.length})`,
      `  restart             median ${restarts[Math.floor(restarts.length / 2)] ?? 0} ms, max ${restarts.at(-1) ?? 0} ms`,
      `  unexpected exits    ${stats.unexpectedExits}`,
      `  exports             ${stats.exports.ok} ok, ${stats.exports.serverErrors.length} server errors, ${stats.exports.interrupted} cut by a kill`,
      `  cursor moves        ${stats.cursorMoves}`,
      `  clean shutdown      exit code ${code}`,
    ].join('\n'),
  );
  stats.integrityFailures.forEach((f) => console.error(`integrity: ${f}`));
  stats.exports.serverErrors.forEach((f) => console.error(`export error: ${f}`));
  const failed =
    counts.lost > 0 ||
    counts.unacknowledged > 0 ||
    stats.integrityFailures.length > 0 ||
    stats.unexpectedExits > 0 ||
    stats.exports.serverErrors.length > 0 ||
    code !== 0;
  if (failed) {
    console.error(`soak FAILED; the store is kept in ${dataDir}`);
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
  console.log('soak passed');
  process.exit(0);

  function report(elapsed: number): void {
    const c = ledger.counts();
    console.log(
      `[${(elapsed / 1000).toFixed(0)} s] kills ${stats.kills}/${KILLS}, sent ${c.sent}, ` +
        `acknowledged ${c.acknowledged}, relayed ${c.relayed}, lost ${c.lost}`,
    );
  }
}

/** Starts the server again on `port`; the port may take a moment to be free after a kill. */
async function restart(dataDir: string, port: number): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnServer({ dataDir, port, keepChars: 200_000 });
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(200 * attempt);
    }
  }
}

/** The item ids a freshly started server loads from the store for `board`. */
async function storedIds(server: ServerProcess, board: Board): Promise<Set<string>> {
  return itemIds(await fetchServerState(server.ws, board.id, board.tokens.viewer));
}

/** The item ids in a document state. */
function itemIds(state: Uint8Array): Set<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const ids = new Set(doc.getMap('items').keys());
  doc.destroy();
  return ids;
}

main().catch((error: unknown) => {
  console.error('soak crashed:', error);
  process.exit(1);
});

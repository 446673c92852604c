/**
 * Two server processes on one PostgreSQL schema and one Redis prefix serve the same boards as
 * if they were one (DESIGN.md contract 2; issue 13, point 3): a board made through A opens on
 * B, edits travel both ways, a link rotated through A is refused on B, the facilitator's lock
 * set on A binds a participant on B, and presence crosses over. Real WebsocketProvider clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, setText, updateItem } from '../../shared/commands';
import { setLocked } from '../../shared/control/commands';
import { readControl } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import * as Y from 'yjs';
import { readBoard } from '../../shared/readBoard';
import { getItems, getMeta } from '../../shared/ydoc';
import {
  clusterServicesAvailable,
  keysContaining,
  keysWithPrefix,
  startCluster,
  type Cluster,
} from '../support/cluster';
import { spawnServer } from '../support/serverProcess';
import { fetchServerState } from '../support/serverState';
import {
  boardApi,
  itemText,
  statusOf,
  sameState,
  waitLong,
  clientsPerTest,
  printOnFailure,
} from './clusterHelpers';
import { connect, createBoard, type TestClient } from './helpers';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
const { join, keep } = clientsPerTest();

beforeAll(async () => {
  if (enabled) cluster = await startCluster({ size: 2 });
});
afterAll(async () => {
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

describe.runIf(enabled)('two instances on PostgreSQL and Redis', () => {
  it('open on B a board created through A, and relay edits both ways', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!, 'Twee instanties');
    const info = await boardApi(b!, 'GET', board.id, board.tokens.participant);
    expect(info).toEqual({
      status: 200,
      body: { id: board.id, title: 'Twee instanties', role: 'participant' },
    });

    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    expect(getMeta(onB.doc).get('title')).toBe('Twee instanties');

    const fromA = createItem(onA.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Groene daken' }, 'a');
    await waitLong(() => itemText(onB.doc, fromA) === 'Groene daken', "A's item on B");
    const fromB = createItem(onB.doc, { kind: 'note', x: 400, y: 0, text: 'Wadi' }, 'b');
    await waitLong(() => itemText(onA.doc, fromB) === 'Wadi', "B's item on A");

    // Both type into the same text at once, and move the same card: they converge.
    setText(onA.doc, fromA, 'Groene daken op het stadhuis', 'a');
    setText(onB.doc, fromA, 'Groene daken in de wijk', 'b');
    updateItem(onA.doc, fromB, { x: 100 }, 'a');
    updateItem(onB.doc, fromB, { y: 300 }, 'b');
    await waitLong(() => sameState(onA.doc, onB.doc), 'both replicas equal');
    const read = readBoard(onA.doc).items.find((item) => item.id === fromB);
    expect(read).toMatchObject({ x: 100, y: 300 });

    // A client that joins B afresh reads the same board from B's store and stream.
    const late = await join(b!, board.id, board.tokens.viewer);
    expect(readBoard(late.doc)).toEqual(readBoard(onA.doc));
  });

  it('converges twenty clients split over both instances, all typing at once', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!, 'Drukte');
    const crowd: TestClient[] = [];
    for (let i = 0; i < 20; i += 1)
      crowd.push(await join(i % 2 ? b! : a!, board.id, board.tokens.participant));
    const cards = crowd.map((client, i) =>
      createItem(client.doc, { kind: 'note', x: i * 10, y: 0, text: `${i}` }, 'c'),
    );
    // Every client rewrites its own card every 25 ms for three seconds, whatever arrives meanwhile.
    const end = Date.now() + 3_000;
    for (let round = 0; Date.now() < end; round += 1) {
      crowd.forEach((client, i) => {
        if (getItems(client.doc).has(cards[i]!)) setText(client.doc, cards[i]!, `${i}: ${round}`, 'c');
      });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await waitLong(
      () => crowd.every((client) => sameState(client.doc, crowd[0]!.doc)),
      'every replica equal',
    );
    expect(getItems(crowd[0]!.doc).size).toBe(20);
  });

  it('keeps every Redis key it makes under REDIS_PREFIX', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!);
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    const id = createItem(onA.doc, { kind: 'note', x: 0, y: 0, text: 'prefix' }, 'a');
    await waitLong(() => itemText(onB.doc, id) === 'prefix', 'the edit through Redis');
    const keys = await keysWithPrefix(cluster.redisUrl, cluster.redisPrefix);
    expect(keys.some((key) => key.includes(board.id))).toBe(true);
    // Board ids are random: any key that names this board was made by this cluster.
    const named = await keysContaining(cluster.redisUrl, board.id);
    expect(named.filter((key) => !key.startsWith(cluster.redisPrefix))).toEqual([]);
  });

  it('refuses on B a participant link rotated through A, and admits the new one there', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!);
    // B has admitted the old link before, so it cannot answer from a stale memory of it.
    const old = await join(b!, board.id, board.tokens.participant);
    const rotated = await boardApi(a!, 'POST', `${board.id}/tokens/participant`, board.tokens.facilitator);
    expect(rotated.status).toBe(200);
    const token = rotated.body.token as string;

    expect((await boardApi(b!, 'GET', board.id, board.tokens.participant)).status).toBe(401);
    const refused = connect(b!, board.id, board.tokens.participant);
    keep(refused);
    await waitLong(() => refused.closedWith.includes(4401), 'the old link refused on B with 4401');
    const admitted = await join(b!, board.id, token);
    // The socket that was open stays open and keeps editing.
    expect(old.provider.wsconnected).toBe(true);
    const id = createItem(old.doc, { kind: 'note', x: 0, y: 0, text: 'still here' }, 'old');
    await waitLong(() => itemText(admitted.doc, id) === 'still here', 'the open socket still edits');
  });

  it('makes a participant on B read-only while the facilitator on A has locked the board', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!);
    const facilitator = await join(a!, board.id, board.tokens.facilitator);
    const control = await join(a!, controlRoomName(board.id), board.tokens.facilitator);
    const participant = await join(b!, board.id, board.tokens.participant);
    const participantControl = await join(b!, controlRoomName(board.id), board.tokens.participant);
    const witness = await join(b!, board.id, board.tokens.facilitator);
    const free = createItem(facilitator.doc, { kind: 'note', x: 900, y: 0, text: 'vrij' }, 'f');
    await waitLong(() => itemText(participant.doc, free) === 'vrij', 'the note on B');

    setLocked(control.doc, true, 'f');
    await waitLong(() => readControl(participantControl.doc).locked, 'the lock seen on B');
    updateItem(participant.doc, free, { x: 777 }, 'p');
    setText(participant.doc, free, 'gekaapt', 'p');
    await participant.roundTrip();
    expect(participant.denied.length).toBeGreaterThan(0);
    // The participant's own view snaps back ...
    await waitLong(() => itemText(participant.doc, free) === 'vrij', "the participant's view snapped back");
    // ... and nobody else got the edit: a later edit from B reaches A, the refused one never did.
    const marker = createItem(witness.doc, { kind: 'note', x: 0, y: 500, text: 'daarna' }, 'w');
    await waitLong(() => itemText(facilitator.doc, marker) === 'daarna', 'the later edit on A');
    expect(itemText(facilitator.doc, free)).toBe('vrij');
    expect(readBoard(facilitator.doc).items.find((item) => item.id === free)?.x).toBe(900);
    expect(itemText(witness.doc, free)).toBe('vrij');
    for (const server of [a!, b!]) {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, await fetchServerState(server.ws, board.id, board.tokens.viewer));
      expect(itemText(stored, free)).toBe('vrij');
    }

    // Unlocked on A, the participant on B writes again.
    setLocked(control.doc, false, 'f');
    await waitLong(() => !readControl(participantControl.doc).locked, 'the unlock seen on B');
    setText(participant.doc, free, 'weer open', 'p');
    await waitLong(() => itemText(facilitator.doc, free) === 'weer open', "the participant's edit on A");
  });

  it('shows presence and cursors of a client on A to a client on B, and removes them when it leaves', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!);
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    const id = onA.doc.clientID;
    const presence = () =>
      onB.provider.awareness.getStates().get(id) as
        { user?: { name?: string }; cursor?: { x: number; y: number } | null } | undefined;
    onA.provider.awareness.setLocalState({
      user: { id: 'pia', name: 'Pia', colour: '#1c7ed6', role: 'participant' },
      cursor: { x: 10, y: 20 },
      selection: [],
    });
    await waitLong(() => presence()?.user?.name === 'Pia', 'Pia seen on B');
    onA.provider.awareness.setLocalStateField('cursor', { x: 300, y: 400 });
    await waitLong(() => presence()?.cursor?.x === 300, "Pia's cursor moved on B");
    expect(presence()?.cursor).toEqual({ x: 300, y: 400 });
    // And the other way.
    onB.provider.awareness.setLocalStateField('user', { id: 'bo', name: 'Bo', colour: '#e03131' });
    await waitLong(
      () =>
        (onA.provider.awareness.getStates().get(onB.doc.clientID) as { user?: { name?: string } } | undefined)
          ?.user?.name === 'Bo',
      'Bo seen on A',
    );

    onA.provider.disconnect();
    await waitLong(() => presence() === undefined, 'Pia gone from B once she left A');
  });

  it('answers /healthz and /readyz with 200 on every instance', async () => {
    for (const server of cluster.instances) {
      expect(await statusOf(server, '/healthz')).toBe(200);
      expect(await statusOf(server, '/readyz')).toBe(200);
    }
  });
});

describe('start-up', () => {
  it('refuses REDIS_URL without DATABASE_URL, saying why', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'olievlek-redis-only-'));
    try {
      const failed = await spawnServer({
        dataDir,
        env: { DATABASE_URL: '', REDIS_URL: 'redis://127.0.0.1:6379' },
      }).then(
        (server) => {
          server.child.kill('SIGKILL');
          return null;
        },
        (error: Error) => error.message,
      );
      expect(failed).toMatch(/exited with [1-9]\d* /);
      expect(failed).toMatch(/REDIS_URL/);
      expect(failed).toMatch(/DATABASE_URL/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

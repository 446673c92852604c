/**
 * Two instances in one process on one PostgreSQL schema and one Redis prefix: what one
 * instance's clients do reaches the other's, presence included, and compaction by either keeps
 * every update (multiInstance*.test.ts runs separate processes and their faults).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem } from '../../shared/commands';
import { openVote } from '../../shared/control/commands';
import { readControl } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import { deleteKeys } from '../support/cluster';
import { postgresAvailable, redisAvailable } from '../support/services';
import {
  connectSynced,
  createBoard,
  encodeUpdateMessage,
  rawClient,
  startTestServer,
  waitFor,
  type TestServer,
} from './helpers';
import { TEST_DATABASE_URL, testSchemas } from './postgresSchemas';
import { seriesValue } from './promText';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const services = (await postgresAvailable()) && (await redisAvailable());

describe.runIf(services)('two instances on PostgreSQL and Redis', () => {
  const schemas = testSchemas();
  const prefix = `olievlek-test-${randomBytes(4).toString('hex')}:`;
  let a: TestServer;
  let b: TestServer;
  let url: string;

  beforeAll(async () => {
    url = schemas.url();
    const shared = { databaseUrl: url, redisUrl: REDIS_URL, redisPrefix: prefix, compactAfterUpdates: 5 };
    a = await startTestServer(shared);
    b = await startTestServer(shared);
  });

  /** The run's schema, for statements on its tables. */
  const schema = () => new URL(url).searchParams.get('schema')!;

  /** A board's snapshots, as the facilitator lists them through B. */
  const snapshotsOf = async (board: { id: string; tokens: { facilitator: string } }) =>
    (
      (await (
        await fetch(`${b.http}/api/boards/${board.id}/snapshots`, {
          headers: { authorization: `Bearer ${board.tokens.facilitator}` },
        })
      ).json()) as { snapshots: unknown[] }
    ).snapshots;

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await schemas.drop();
    await deleteKeys(REDIS_URL, prefix);
  });

  it('relays edits both ways between clients on different instances', async () => {
    const board = await createBoard(a, 'Twee');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    const onB = await connectSynced(b, board.id, board.tokens.participant);
    onA.doc.getMap('items').set('from-a', 1);
    await waitFor(() => onB.doc.getMap('items').get('from-a') === 1, 'A’s edit on B');
    onB.doc.getMap('items').set('from-b', 2);
    await waitFor(() => onA.doc.getMap('items').get('from-b') === 2, 'B’s edit on A');
    const metrics = await (await fetch(`${b.http}/metrics`)).text();
    expect(
      seriesValue(metrics, 'olievlek_fanout_messages_total{direction="in",type="update"}'),
    ).toBeGreaterThan(0);
    expect(
      seriesValue(metrics, 'olievlek_fanout_messages_total{direction="out",type="update"}'),
    ).toBeGreaterThan(0);
    onA.destroy();
    onB.destroy();
  });

  it('shows a client’s presence on the other instance and removes it when the client leaves', async () => {
    const board = await createBoard(a, 'Aanwezig');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    const onB = await connectSynced(b, board.id, board.tokens.participant);
    onA.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const names = () =>
      [...onB.provider.awareness.getStates().values()].map(
        (s) => (s as { user?: { name?: string } }).user?.name,
      );
    await waitFor(() => names().includes('Anna'), 'Anna’s presence on B');
    onA.destroy();
    await waitFor(() => !names().includes('Anna'), 'Anna gone on B');
    onB.destroy();
  });

  it('gives a client joining later on B the presence of clients already on A', async () => {
    const board = await createBoard(a, 'Later');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    onA.provider.awareness.setLocalStateField('user', { name: 'Bram' });
    await onA.roundTrip();
    const onB = await connectSynced(b, board.id, board.tokens.participant);
    await waitFor(
      () =>
        [...onB.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Bram',
        ),
      'Bram’s presence on B',
    );
    onA.destroy();
    onB.destroy();
  });

  it('reads the store again when another instance’s messages have a hole', async () => {
    const board = await createBoard(a, 'Gat');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    // An update that is stored but whose message never came (trimmed, or Redis was away).
    const other = new Y.Doc();
    other.getMap('items').set('stored-only', 7);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`INSERT INTO "${schema()}".updates (room, data) VALUES ($1, $2)`, [
      board.id,
      Buffer.from(Y.encodeStateAsUpdate(other)),
    ]);
    await client.end();
    const redis = new Redis(REDIS_URL);
    const stream = `${prefix}room:${board.id}:updates`;
    const empty = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()));
    await redis.xadd(stream, '*', 'i', 'ghost', 't', 'u', 'd', empty, 'n', '1');
    await onA.roundTrip();
    expect(onA.doc.getMap('items').get('stored-only')).toBeUndefined();
    await redis.xadd(stream, '*', 'i', 'ghost', 't', 'u', 'd', empty, 'n', '3');
    await redis.quit();
    await waitFor(() => onA.doc.getMap('items').get('stored-only') === 7, 'the stored update after the hole');
    onA.destroy();
  });

  it('relays a text typed and replaced within one batch to the other instance’s clients, as one instance does', async () => {
    const board = await createBoard(a, 'Tekst');
    const watcher = await rawClient(b, board.id, board.tokens.participant);
    const writer = await rawClient(a, board.id, board.tokens.participant);
    // Both instances have the room loaded (each answered with its sync step 1).
    await waitFor(() => watcher.messages.length > 0 && writer.messages.length > 0, 'both rooms loaded');
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    text.insert(0, 'eerste-versie');
    doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, 'tweede');
    });
    // Held behind a first write that waits for the table, they form one batch on A: stored,
    // published and applied on B together.
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE "${schema()}".updates IN EXCLUSIVE MODE`);
    const first = new Y.Doc();
    first.getMap('items').set('first', 1);
    writer.send(encodeUpdateMessage(Y.encodeStateAsUpdate(first)));
    await waitFor(() => a.rooms.peek(board.id)?.queued === 0, 'the first write waiting for the table');
    for (const update of updates) writer.send(encodeUpdateMessage(update));
    await waitFor(() => a.rooms.peek(board.id)?.queued === 2, 'the two writes queued behind it');
    await holder.query('COMMIT');
    await holder.end();
    const seen = () => Buffer.concat(watcher.messages.map((m) => Buffer.from(m))).toString('latin1');
    await waitFor(() => seen().includes('tweede'), 'the final text on B');
    expect(seen()).toContain('eerste-versie');
    watcher.ws.close();
    writer.ws.close();
  });

  it('drops a malformed message from another instance and applies the good ones with it', async () => {
    const board = await createBoard(a, 'Kapot');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    const good = new Y.Doc();
    good.getMap('items').set('good', 1);
    const redis = new Redis(REDIS_URL);
    const stream = `${prefix}room:${board.id}:updates`;
    await redis
      .pipeline()
      .xadd(stream, '*', 'i', 'odd', 't', 'u', 'd', Buffer.from([255, 1, 2, 3]), 'n', '1')
      .xadd(stream, '*', 'i', 'odd', 't', 'u', 'd', Buffer.from(Y.encodeStateAsUpdate(good)), 'n', '2')
      .exec();
    await redis.quit();
    await waitFor(() => onA.doc.getMap('items').get('good') === 1, 'the good message');
    onA.doc.getMap('items').set('still', 2);
    await onA.roundTrip();
    expect(a.rooms.peek(board.id)?.failure).toBeNull();
    onA.destroy();
  });

  it('takes one periodic snapshot of a board both instances edited, not one each', async () => {
    const board = await createBoard(a, 'Eén');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    const onB = await connectSynced(b, board.id, board.tokens.participant);
    onA.doc.getMap('items').set('a', 1);
    onB.doc.getMap('items').set('b', 2);
    await waitFor(
      () => onA.doc.getMap('items').get('b') === 2 && onB.doc.getMap('items').get('a') === 1,
      'both',
    );
    await Promise.all([a.autoSnapshots.round(), b.autoSnapshots.round()]);
    expect(await snapshotsOf(board)).toHaveLength(1);
    onA.destroy();
    onB.destroy();
  });

  it('takes the “everyone left” snapshot once, when the last person anywhere has left', async () => {
    const board = await createBoard(a, 'Weg');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    const onB = await connectSynced(b, board.id, board.tokens.participant);
    onB.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    onA.doc.getMap('items').set('a', 1);
    await waitFor(() => onB.doc.getMap('items').get('a') === 1, 'A’s edit on B');
    await waitFor(() => a.rooms.peek(board.id) !== undefined, 'the room on A');
    const list = () => snapshotsOf(board);
    // A's only client leaves while Bo is still on B: A unloads the room, and nobody has left yet.
    onA.destroy();
    await waitFor(() => a.rooms.peek(board.id) === undefined, 'the room unloaded on A');
    expect(await list()).toHaveLength(0);
    // Bo leaves too: B, which saw only A's edit, takes the snapshot.
    onB.destroy();
    await waitFor(async () => (await list()).length === 1, 'one snapshot');
    await waitFor(() => b.rooms.peek(board.id) === undefined, 'the room unloaded on B');
    expect(await list()).toHaveLength(1);
  });

  it('holds one person’s vote budget when their casts reach both instances at once', async () => {
    const board = await createBoard(a, 'Stemmen');
    const content = await connectSynced(a, board.id, board.tokens.facilitator);
    const control = await connectSynced(a, controlRoomName(board.id), board.tokens.facilitator);
    const dyke = createItem(content.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Dijk' });
    const pond = createItem(content.doc, { kind: 'smallWin', x: 300, y: 0, text: 'Vijver' });
    openVote(control.doc, { budget: 1, kind: 'smallWin' });
    await Promise.all([content.roundTrip(), control.roundTrip()]);
    const onB = await connectSynced(b, controlRoomName(board.id), board.tokens.participant);
    await waitFor(() => readControl(onB.doc).voting?.open, 'the vote open on B');
    const cast = async (server: TestServer, userId: string, itemId: string) =>
      (
        await fetch(`${server.http}/api/boards/${board.id}/votes`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${board.tokens.participant}`,
          },
          body: JSON.stringify({ userId, itemId, dots: 1 }),
        })
      ).status;
    // Each person clicks three times on each instance at once: one dot fits the budget.
    for (let user = 0; user < 6; user++) {
      const items = [dyke, pond, dyke, pond, dyke, pond];
      const statuses = await Promise.all(
        [a, b, a, b, a, b].map((server, i) => cast(server, `u${user}`, items[i]!)),
      );
      // Again on the same card is allowed (it sets one dot again); a dot on the other is not.
      const accepted = new Set(items.filter((_, i) => statuses[i] === 200));
      expect(accepted.size).toBe(1);
    }
    for (const client of [content, control, onB]) client.destroy();
  });

  it('keeps every update when both instances compact the same room while both write', async () => {
    const board = await createBoard(a, 'Compact');
    const onA = await connectSynced(a, board.id, board.tokens.participant);
    const onB = await connectSynced(b, board.id, board.tokens.participant);
    for (let i = 0; i < 40; i++) {
      onA.doc.getMap('items').set(`a${i}`, i);
      onB.doc.getMap('items').set(`b${i}`, i);
      if (i % 4 === 0) await Promise.all([onA.roundTrip(), onB.roundTrip()]);
    }
    await Promise.all([onA.roundTrip(), onB.roundTrip()]);
    onA.destroy();
    onB.destroy();
    // Every write was stored; compaction (every 5 updates, by either instance) dropped none.
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ data: Buffer }>(
      `SELECT data FROM "${schema()}".updates WHERE room = $1 ORDER BY seq`,
      [board.id],
    );
    await client.end();
    expect(rows.length).toBeLessThan(40);
    const stored = new Y.Doc();
    for (const row of rows) Y.applyUpdate(stored, new Uint8Array(row.data));
    const items = stored.getMap('items');
    for (let i = 0; i < 40; i++) {
      expect(items.get(`a${i}`)).toBe(i);
      expect(items.get(`b${i}`)).toBe(i);
    }
  });
});

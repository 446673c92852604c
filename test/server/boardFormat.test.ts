/**
 * Only the server writes `meta.schemaVersion` (issue 12, finding 3): a client that changes it
 * is undone, so the board keeps loading, exporting and surviving a restart. A board bricked
 * before that rule (a format version written straight into its store) says why over the
 * websocket and over HTTP, stays exportable from its last readable snapshot, and comes back
 * when the facilitator restores one.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import type { BoardItem } from '../../shared/schema';
import { itemToYMap } from '../../shared/ydoc';
import {
  connectSynced,
  createBoard,
  rawClient,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestServer,
} from './helpers';

function note(id: string, text: string): BoardItem {
  return { id, kind: 'note', x: 0, y: 0, w: 160, h: 100, text, index: 'a0', createdBy: 'u1', createdAt: 1 };
}

async function exportJson(server: TestServer, board: TestBoard) {
  const res = await fetch(`${server.http}/api/boards/${board.id}/export?format=json`, {
    headers: { authorization: `Bearer ${board.tokens.viewer}` },
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

async function freshMeta(server: TestServer, board: TestBoard): Promise<Record<string, unknown>> {
  const fresh = await connectSynced(server, board.id, board.tokens.viewer);
  const meta = fresh.doc.getMap('meta').toJSON();
  fresh.destroy();
  return meta;
}

describe('meta belongs to the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('undoes a participant setting schemaVersion; the board still loads, exports and restarts', async () => {
    const board = await createBoard(server, 'Format');
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const meta = participant.doc.getMap('meta');
    meta.set('schemaVersion', 99);
    await participant.roundTrip();
    await waitFor(() => meta.get('schemaVersion') === 1, "the author's own view snaps back");
    expect(participant.denied).toEqual([
      "only the server changes the board's format version; your change was undone",
    ]);
    participant.doc.transact(() => {
      meta.set('schemaVersion', 2);
      meta.set('title', 'Renamed by a participant');
    });
    await participant.roundTrip();
    await waitFor(() => meta.get('schemaVersion') === 1, 'undone again');
    // The title came in the same write as the refused version, so it went with it.
    expect(meta.get('title')).toBe('Format');
    meta.set('title', 'Renamed by a participant');
    await waitFor(
      async () => (await freshMeta(server, board)).title === 'Renamed by a participant',
      'a title alone is fine',
    );
    expect(await freshMeta(server, board)).toEqual({
      schemaVersion: 1,
      title: 'Renamed by a participant',
      language: 'nl',
    });
    const exported = await exportJson(server, board);
    expect(exported.res.status).toBe(200);
    expect(exported.res.headers.get('x-olievlek-snapshot')).toBeNull();
    participant.provider.shouldConnect = false;
    participant.destroy();

    await server.close();
    const restarted = await startTestServer({ dataDir: server.dataDir });
    try {
      expect((await freshMeta(restarted, board)).schemaVersion).toBe(1);
    } finally {
      await restarted.close();
    }
    server = await startTestServer({ dataDir: server.dataDir });
  });

  it('lets the facilitator change title and language, but not the format version or other keys', async () => {
    const board = await createBoard(server, 'Facilitated');
    const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const meta = facilitator.doc.getMap('meta');
    meta.set('schemaVersion', 99);
    await facilitator.roundTrip();
    meta.set('extra', 'x');
    await facilitator.roundTrip();
    meta.set('language', 'en');
    meta.set('title', 'Facilitated, in English');
    await facilitator.roundTrip();
    participant.doc.getMap('meta').set('language', 'nl');
    await participant.roundTrip();
    expect(facilitator.denied).toHaveLength(1);
    expect(participant.denied).toEqual([
      'your role may not change the board\'s "language"; your change was undone',
    ]);
    expect(await freshMeta(server, board)).toEqual({
      schemaVersion: 1,
      title: 'Facilitated, in English',
      language: 'en',
    });
    facilitator.destroy();
    participant.destroy();
  });
});

describe('a board bricked before the rule', () => {
  /** Writes `schemaVersion` into the stored log, as a client could before the server refused it. */
  function brick(storage: ReturnType<typeof createMemoryStorage>, boardId: string, version: number) {
    return storage.load(boardId).then(({ updates }) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates([...updates]));
      const before = Y.encodeStateVector(doc);
      doc.getMap('meta').set('schemaVersion', version);
      return storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc, before));
    });
  }

  it('says why on the websocket and over HTTP, exports its last good snapshot, and is repaired by a restore', async () => {
    const storage = createMemoryStorage();
    const server = await startTestServer({ roomUnloadMs: 0 }, storage);
    const board = await createBoard(server, 'Bricked');
    const writer = await connectSynced(server, board.id, board.tokens.facilitator);
    writer.doc.getMap('items').set('kept', itemToYMap(note('kept', 'before the snapshot')));
    await writer.roundTrip();
    const snap = await fetch(`${server.http}/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Good' }),
    });
    const good = (await snap.json()) as { id: string };
    writer.destroy();
    await waitFor(() => server.rooms.size === 0, 'rooms unloaded');
    // Leaving an edited board took an automatic snapshot, newer than "Good" and as readable.
    const newest = (await storage.listSnapshots(board.id)).sort((a, b) => b.createdAt - a.createdAt)[0]!;
    expect(newest.id).not.toBe(good.id);
    await brick(storage, board.id, 99);
    // A snapshot taken now holds the unreadable state; the export must pass over it.
    await fetch(`${server.http}/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Broken' }),
    });

    const client = await rawClient(server, board.id, board.tokens.participant);
    const closed = await client.closed;
    expect(closed.code).toBe(4426);
    expect(closed.reason).toBe('this board has format version 99; this server reads up to 1');

    const exported = await exportJson(server, board);
    expect(exported.res.status).toBe(200);
    expect(exported.res.headers.get('x-olievlek-snapshot')).toBe(newest.id);
    expect(exported.res.headers.get('x-olievlek-problem')).toContain('format version 99');
    expect((exported.body.items as { text: string }[]).map((i) => i.text)).toEqual(['before the snapshot']);
    expect(exported.body.meta).toMatchObject({ title: 'Bricked' });

    const restore = await fetch(`${server.http}/api/boards/${board.id}/snapshots/${good.id}/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    });
    expect(restore.status).toBe(200);
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('meta').get('schemaVersion')).toBe(1);
    expect(String((fresh.doc.getMap('items').get('kept') as Y.Map<unknown>).get('text'))).toBe(
      'before the snapshot',
    );
    fresh.destroy();
    // The unreadable state was kept as a snapshot of its own before the repair.
    const listed = await fetch(
      `${server.http}/api/boards/${board.id}/snapshots?token=${board.tokens.viewer}`,
    );
    const labels = ((await listed.json()) as { snapshots: { label: string }[] }).snapshots.map(
      (s) => s.label,
    );
    expect(labels.some((l) => l.includes('“Good”'))).toBe(true);
    await server.stop();
  });

  it('answers a clear 409 when no snapshot can stand in', async () => {
    const storage = createMemoryStorage();
    const server = await startTestServer({ roomUnloadMs: 0 }, storage);
    const board = await createBoard(server, 'No snapshots');
    await brick(storage, board.id, 2);
    const { res, body } = await exportJson(server, board);
    expect(res.status).toBe(409);
    expect(body.error).toEqual({
      code: 'board_too_new',
      message:
        'no snapshot of this board can be read either: this board has format version 2; this server reads up to 1',
    });
    const client = await rawClient(server, board.id, board.tokens.viewer);
    expect((await client.closed).code).toBe(4426);
    await server.stop();
  });
});

/**
 * Snapshots on a real server: the facilitator takes and restores them; a restore reaches every
 * connected client as an ordinary update and is stored before it is relayed (held in the store,
 * it reaches nobody); the last person leaving an edited board leaves an automatic snapshot behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import type { SnapshotInfo } from '../../server/storage/storage';
import { readBoard } from '../../shared/readBoard';
import { getItems } from '../../shared/ydoc';
import { gatedStorage, serverFlushed } from '../support/gatedStorage';
import { exampleBoard, loadBoardInto } from '../support/loadExample';
import {
  connectSynced,
  createBoard,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestServer,
} from './helpers';

let server: TestServer;
let board: TestBoard;

async function api(method: string, route: string, token: string, body?: unknown, on = { server, board }) {
  const res = await fetch(`${on.server.http}/api/boards/${on.board.id}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

const list = async () =>
  (await api('GET', '/snapshots', board.tokens.viewer)).body.snapshots as SnapshotInfo[];

beforeAll(async () => {
  server = await startTestServer();
  board = await createBoard(server, 'Snapshots');
  await loadBoardInto(server.http, board.id, board.tokens.facilitator, exampleBoard());
});

afterAll(async () => {
  await server.stop();
});

describe('snapshots', () => {
  it('only the facilitator takes one; everyone lists them', async () => {
    expect((await api('POST', '/snapshots', board.tokens.participant, { label: 'x' })).status).toBe(403);
    expect((await api('POST', '/snapshots', board.tokens.facilitator, { label: '' })).status).toBe(400);
    const taken = await api('POST', '/snapshots', board.tokens.facilitator, { label: 'Na de oogst' });
    expect(taken.status).toBe(201);
    expect(taken.body.label).toBe('Na de oogst');
    const listed = await list();
    expect(listed.map((s) => s.label)).toContain('Na de oogst');
    expect(listed[0]?.createdAt).toBeGreaterThan(0);
  });

  it('exports a snapshot as it was, and restores it as a change every client sees', async () => {
    const snapshot = (await list()).find((s) => s.label === 'Na de oogst')!;
    const a = await connectSynced(server, board.id, board.tokens.participant);
    const b = await connectSynced(server, board.id, board.tokens.viewer);
    const before = getItems(a.doc).size;
    // The group goes on: deletes a card and edits another's text.
    const [first, second] = [...getItems(a.doc).keys()];
    a.doc.transact(() => {
      getItems(a.doc).delete(first!);
      ((getItems(a.doc).get(second!) as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'CHANGED ');
    });
    await waitFor(() => getItems(b.doc).size === before - 1, 'the deletion to reach b');

    const exported = await fetch(
      `${server.http}/api/boards/${board.id}/export?format=json&snapshot=${snapshot.id}&token=${board.tokens.viewer}`,
    );
    expect(exported.headers.get('content-disposition')).toContain('Na-de-oogst');
    const json = (await exported.json()) as { items: unknown[] };
    expect(json.items).toHaveLength(before);

    expect((await api('POST', `/snapshots/${snapshot.id}/restore`, board.tokens.participant)).status).toBe(
      403,
    );
    const restored = await api('POST', `/snapshots/${snapshot.id}/restore`, board.tokens.facilitator);
    expect(restored.status).toBe(200);
    await waitFor(() => getItems(b.doc).size === before, 'the restore to reach b');
    await waitFor(() => getItems(a.doc).size === before, 'the restore to reach a');
    const text = String((getItems(b.doc).get(second!) as Y.Map<unknown>).get('text'));
    expect(text.startsWith('CHANGED')).toBe(false);
    expect(readBoard(a.doc).items).toEqual(readBoard(b.doc).items);

    // What the restore replaced was kept as a snapshot, so the restore can be undone.
    const backup = (await list()).find((s) => s.id === (restored.body.backup as SnapshotInfo).id)!;
    expect(backup.label).toContain('Na de oogst');
    const undo = await api('POST', `/snapshots/${backup.id}/restore`, board.tokens.facilitator);
    expect(undo.status).toBe(200);
    await waitFor(() => getItems(b.doc).size === before - 1, 'the undo to reach b');
    a.destroy();
    b.destroy();
  });

  it('a restore survives the room unloading', async () => {
    await waitFor(() => server.rooms.size === 0, 'rooms to unload');
    const c = await connectSynced(server, board.id, board.tokens.viewer);
    const size = getItems(c.doc).size;
    expect(size).toBe((exampleBoard() as { items: unknown[] }).items.length - 1);
    c.destroy();
  });

  it('takes a snapshot automatically when the last person has left an edited board', async () => {
    await waitFor(() => server.rooms.size === 0, 'rooms to unload');
    const count = (await list()).length;
    const c = await connectSynced(server, board.id, board.tokens.participant);
    ((getItems(c.doc).values().next().value as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'x');
    await c.roundTrip();
    c.destroy();
    await waitFor(async () => (await list()).length === count + 1, 'the automatic snapshot');
    expect((await list())[0]?.label).toBe('Automatisch: iedereen is weg');
    // A visit without edits leaves none.
    await waitFor(() => server.rooms.size === 0, 'rooms to unload');
    const d = await connectSynced(server, board.id, board.tokens.viewer);
    d.destroy();
    await waitFor(() => server.rooms.size === 0, 'rooms to unload again');
    expect(await list()).toHaveLength(count + 1);
  });
});

describe('a restore and the store', () => {
  it('is stored before it is relayed: while its append is held, no client receives it', async () => {
    const storage = gatedStorage(createMemoryStorage());
    const gated = await startTestServer({}, storage);
    const on = { server: gated, board: await createBoard(gated, 'Held') };
    const { tokens } = on.board;
    await loadBoardInto(gated.http, on.board.id, tokens.facilitator, exampleBoard());
    const taken = await api('POST', '/snapshots', tokens.facilitator, { label: 'Voor' }, on);
    const a = await connectSynced(gated, on.board.id, tokens.participant);
    const b = await connectSynced(gated, on.board.id, tokens.viewer);
    const before = getItems(a.doc).size;
    getItems(a.doc).delete([...getItems(a.doc).keys()][0]!);
    await waitFor(() => getItems(b.doc).size === before - 1, 'the deletion to reach b');

    const release = storage.hold();
    const restore = api(
      'POST',
      `/snapshots/${taken.body.id as string}/restore`,
      tokens.facilitator,
      undefined,
      on,
    );
    await waitFor(() => storage.waiting > 0, 'the restore to reach the store');
    // Whatever the server relayed before handling these pings has arrived by now.
    await Promise.all([serverFlushed(a.provider), serverFlushed(b.provider)]);
    expect(getItems(a.doc).size).toBe(before - 1);
    expect(getItems(b.doc).size).toBe(before - 1);
    const appendedBefore = storage.appended.length;

    release();
    expect((await restore).status).toBe(200);
    expect(storage.appended.length).toBe(appendedBefore + 1);
    await waitFor(() => getItems(a.doc).size === before && getItems(b.doc).size === before, 'the restore');
    a.destroy();
    b.destroy();
    await gated.stop();
  });
});

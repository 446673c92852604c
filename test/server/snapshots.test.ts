/**
 * Snapshots on a real server: the facilitator takes and restores them; a restore reaches every
 * connected client as an ordinary update and is stored before it is relayed; the last person
 * leaving an edited board leaves an automatic snapshot behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { SnapshotInfo } from '../../server/storage/storage';
import { readBoard } from '../../shared/readBoard';
import { getItems } from '../../shared/ydoc';
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

async function api(method: string, route: string, token: string, body?: unknown) {
  const res = await fetch(`${server.http}/api/boards/${board.id}${route}`, {
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
  await loadBoardInto(server.http, board.id, board.tokens.participant, exampleBoard());
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

  it('a restore is stored before it is relayed: it survives the room unloading', async () => {
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

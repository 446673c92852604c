/**
 * A room that fails settles everything waiting on it (issue 12, finding 8): before, `fail()`
 * emptied the queue and left every promise of `run()` pending, so a restore or export behind
 * a failed write hung forever. The store here fails on demand, the way a full disk would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import type { Storage } from '../../server/storage/storage';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
let release: ((fail: boolean) => void) | null = null;
let gate: Promise<boolean> | null = null;
let waiting = 0;

beforeAll(async () => {
  const inner = createMemoryStorage();
  // Appends wait at the gate while it is shut, then fail or go through as told.
  const failing: Storage = {
    ...inner,
    async appendUpdate(room, update) {
      if (gate) {
        waiting += 1;
        if (await gate) throw new Error('disk full');
      }
      return inner.appendUpdate(room, update);
    },
  };
  server = await startTestServer({}, failing);
});
afterAll(async () => {
  release?.(false);
  await server.stop();
});

/** Starts a request and records its answer when it comes. */
function request(url: string, init: RequestInit) {
  const answer: { status?: number; body?: unknown } = {};
  void fetch(url, init).then(async (res) => {
    answer.body = await res.json().catch(() => null);
    answer.status = res.status;
  });
  return answer;
}

describe('a failing room', () => {
  it('answers a restore and an export waiting behind a failed write, then serves again', async () => {
    const board = await createBoard(server);
    const auth = { authorization: `Bearer ${board.tokens.facilitator}` };
    const client = await connectSynced(server, board.id, board.tokens.facilitator);
    const taken = await fetch(`${server.http}/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Before' }),
    });
    const snapshot = (await taken.json()) as { id: string };
    const room = server.rooms.peek(board.id)!;

    gate = new Promise<boolean>((resolve) => (release = resolve));
    client.doc.getMap('items').set('doomed', 1);
    await waitFor(() => waiting === 1, 'the write waits for the store');
    const restore = request(`${server.http}/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, {
      method: 'POST',
      headers: auth,
    });
    const exported = request(`${server.http}/api/boards/${board.id}/export?format=json`, { headers: auth });
    await waitFor(() => room.queued === 2, 'restore and export queued behind it');
    release!(true);

    await waitFor(() => restore.status !== undefined, 'the restore answered');
    expect(restore.status).toBe(503);
    expect(restore.body).toMatchObject({
      error: { code: 'board_unavailable', message: expect.stringContaining('room error') as string },
    });
    // The export falls back to what the store holds.
    await waitFor(() => exported.status !== undefined, 'the export answered');
    expect(exported.status).toBe(200);

    gate = null;
    const again = await fetch(`${server.http}/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, {
      method: 'POST',
      headers: auth,
    });
    expect(again.status).toBe(200);
    client.destroy();
  });

  it('fails the room when a restore cannot be stored, so nobody is served the unstored change', async () => {
    const board = await createBoard(server);
    const auth = { authorization: `Bearer ${board.tokens.facilitator}` };
    const client = await connectSynced(server, board.id, board.tokens.facilitator);
    const taken = await fetch(`${server.http}/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Empty' }),
    });
    const snapshot = (await taken.json()) as { id: string };
    client.doc.getMap('meta').set('title', 'Changed since');
    await client.roundTrip();
    const room = server.rooms.peek(board.id)!;
    gate = Promise.resolve(true);
    const restore = await fetch(`${server.http}/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, {
      method: 'POST',
      headers: auth,
    });
    gate = null;
    expect(restore.status).toBe(503);
    expect(room.failure).toEqual({ code: 1011, reason: 'room error' });
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('meta').get('title')).toBe('Changed since');
    fresh.destroy();
    client.destroy();
  });
});

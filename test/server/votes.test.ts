/**
 * Secret dot votes, link rotation and the server clock over a real server (DESIGN.md contract
 * 3): ballots go over HTTP, budgets and closed votes are refused, a rotated link refuses the old
 * token and admits the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { closeVote, openVote } from '../../shared/control/commands';
import { readControl } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import type { Storage } from '../../server/storage/storage';
import {
  connect,
  connectSynced,
  createBoard,
  startTestServer,
  waitFor,
  type TestBoard,
  type TestServer,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function api(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.http}/api/boards/${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A board with two small wins and a note, and the facilitator's clients on both documents. */
async function boardWithVote(budget: number | null) {
  const board = await createBoard(server);
  const content = await connectSynced(server, board.id, board.tokens.facilitator);
  const control = await connectSynced(server, controlRoomName(board.id), board.tokens.facilitator);
  const me = 'facilitator';
  const a = createItem(content.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Stuw' }, me);
  const b = createItem(content.doc, { kind: 'smallWin', x: 300, y: 0, text: 'Buffer' }, me);
  const note = createItem(content.doc, { kind: 'note', x: 600, y: 0, text: 'Idee' }, me);
  await content.roundTrip();
  if (budget !== null) openVote(control.doc, { budget, kind: 'smallWin' }, me);
  await control.roundTrip();
  return { board, content, control, items: { a, b, note } };
}

const cast = (board: TestBoard, token: string, userId: string, itemId: string, dots: number) =>
  api(`${board.id}/votes`, token, { method: 'POST', body: { userId, itemId, dots } });

describe('secret dot voting', () => {
  it('counts dots against the budget and refuses the one too many', async () => {
    const { board, content, control, items } = await boardWithVote(2);
    const p = board.tokens.participant;
    expect(await cast(board, p, 'u1', items.a, 1)).toEqual({
      status: 200,
      body: { mine: { [items.a]: 1 }, left: 1 },
    });
    expect(await cast(board, p, 'u1', items.b, 1)).toEqual({
      status: 200,
      body: { mine: { [items.a]: 1, [items.b]: 1 }, left: 0 },
    });
    const third = await cast(board, p, 'u1', items.a, 2);
    expect(third.status).toBe(409);
    expect(third.body.error).toBe('budget');
    // Another person has their own budget; taking a dot back frees one.
    expect((await cast(board, p, 'u2', items.a, 2)).status).toBe(200);
    expect((await cast(board, p, 'u1', items.b, 0)).body).toEqual({ mine: { [items.a]: 1 }, left: 1 });
    expect((await api(`${board.id}/votes?userId=u1`, p)).body).toEqual({ mine: { [items.a]: 1 }, left: 1 });
    const facilitator = await api(`${board.id}/votes?userId=f`, board.tokens.facilitator);
    expect(facilitator.body.totals).toEqual({ [items.a]: 3 });
    content.destroy();
    control.destroy();
  });

  it('refuses dots without an open vote, on the wrong kind, and from a viewer', async () => {
    const { board, content, control, items } = await boardWithVote(null);
    const p = board.tokens.participant;
    expect(await cast(board, p, 'u1', items.a, 1)).toMatchObject({ status: 409, body: { error: 'closed' } });
    openVote(control.doc, { budget: 3, kind: 'smallWin' }, 'f');
    await control.roundTrip();
    expect((await cast(board, p, 'u1', items.note, 1)).status).toBe(400);
    expect((await cast(board, p, 'u1', 'no-such-item', 1)).status).toBe(400);
    expect((await cast(board, board.tokens.viewer, 'u1', items.a, 1)).status).toBe(403);
    expect((await cast(board, p, 'u|1', items.a, 1)).status).toBe(400);
    expect((await cast(board, p, 'u1', items.a, -1)).status).toBe(400);
    closeVote(control.doc, 'f');
    await control.roundTrip();
    expect(await cast(board, p, 'u1', items.a, 1)).toMatchObject({ status: 409, body: { error: 'closed' } });
    content.destroy();
    control.destroy();
  });

  it('never lets two quick casts pass the budget together, however slow the store', async () => {
    // A store that takes its time to write a ballot: without one-cast-at-a-time per board, the
    // second cast would read the budget before the first one's dot is stored.
    const memory = createMemoryStorage();
    const slow: Storage = {
      ...memory,
      setBallot: async (ballot) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return memory.setBallot(ballot);
      },
    };
    const main = server;
    server = await startTestServer({}, slow);
    try {
      const { board, content, control, items } = await boardWithVote(1);
      const results = await Promise.all([
        cast(board, board.tokens.participant, 'u1', items.a, 1),
        cast(board, board.tokens.participant, 'u1', items.b, 1),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      content.destroy();
      control.destroy();
    } finally {
      await server.stop();
      server = main;
    }
  });

  it('keeps ballots out of every shared document until reveal', async () => {
    const { board, content, control, items } = await boardWithVote(2);
    await cast(board, board.tokens.participant, 'u1', items.a, 2);
    const peek = await connectSynced(server, board.id, board.tokens.participant);
    expect(peek.doc.getMap('votes').size).toBe(0);
    expect(JSON.stringify(peek.doc.toJSON())).not.toContain('u1');
    const peekControl = await connectSynced(server, controlRoomName(board.id), board.tokens.participant);
    expect(JSON.stringify(peekControl.doc.toJSON())).not.toContain('u1');
    expect(readControl(peekControl.doc).voting?.open).toBe(true);
    for (const c of [peek, peekControl, content, control]) c.destroy();
  });
});

describe('link rotation', () => {
  it('refuses the old participant token and admits the new one', async () => {
    const board = await createBoard(server);
    const old = await connectSynced(server, board.id, board.tokens.participant);
    const rotated = await api(`${board.id}/tokens/participant`, board.tokens.facilitator, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const token = rotated.body.token as string;
    expect(rotated.body.url).toBe(`${server.http}/b/${board.id}#${token}`);
    expect((await api(board.id, board.tokens.participant)).status).toBe(401);
    expect((await api(board.id, token)).body.role).toBe('participant');
    // The socket that was open stays open; a new one with the old token is refused with 4401.
    expect(old.provider.wsconnected).toBe(true);
    const refused = connect(server, board.id, board.tokens.participant);
    await waitFor(() => refused.closedWith.includes(4401), 'old token refused');
    const admitted = await connectSynced(server, board.id, token);
    for (const c of [old, refused, admitted]) c.destroy();
  });

  it('hands the facilitator the board’s links at any time, new ones after a rotation', async () => {
    const board = await createBoard(server);
    const info = await api(board.id, board.tokens.facilitator);
    expect(info.body.tokens).toEqual(board.tokens);
    expect(info.body.urls).toEqual(board.urls);
    expect((await api(board.id, board.tokens.participant)).body).toEqual({
      id: board.id,
      title: board.title,
      role: 'participant',
    });
    const rotated = await api(`${board.id}/tokens/viewer`, board.tokens.facilitator, { method: 'POST' });
    const after = await api(board.id, board.tokens.facilitator);
    expect(after.body.tokens).toEqual({ ...board.tokens, viewer: rotated.body.token });
  });

  it('lets only the facilitator rotate, and only participant and viewer links', async () => {
    const board = await createBoard(server);
    expect(
      (await api(`${board.id}/tokens/viewer`, board.tokens.participant, { method: 'POST' })).status,
    ).toBe(403);
    expect(
      (await api(`${board.id}/tokens/facilitator`, board.tokens.facilitator, { method: 'POST' })).status,
    ).toBe(400);
    const viewer = await api(`${board.id}/tokens/viewer`, board.tokens.facilitator, { method: 'POST' });
    expect(viewer.status).toBe(200);
    expect((await api(board.id, board.tokens.viewer)).status).toBe(401);
    expect((await api(board.id, viewer.body.token as string)).body.role).toBe('viewer');
  });
});

describe('server time', () => {
  it('answers the server clock', async () => {
    const before = Date.now();
    const res = await fetch(`${server.http}/api/time`);
    const { now } = (await res.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect((await fetch(`${server.http}/api/time`, { method: 'POST' })).status).toBe(405);
  });
});

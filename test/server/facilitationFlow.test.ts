/**
 * What the server does as a workshop runs (DESIGN.md contract 3, issue 10): a revealed vote
 * lands in the board and its report, a phase change snapshots the board after the phase it
 * ends, edited boards get automatic snapshots within a bound, and "back to N minutes ago"
 * restores the newest snapshot at least that old.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, updateItem } from '../../shared/commands';
import { openVote, revealVote, stepPhase } from '../../shared/control/commands';
import { controlRoomName } from '../../shared/control/roomName';
import { readBoard } from '../../shared/readBoard';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
const storage = createMemoryStorage();
beforeAll(async () => {
  server = await startTestServer({ autoSnapshotMinutes: 0, autoSnapshotsKept: 2 }, storage);
});
afterAll(() => server.stop());

const api = async (path: string, token: string, body?: unknown) => {
  const res = await fetch(`${server.http}/api/boards/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

describe('a revealed vote', () => {
  it('writes every ballot into the board in one change, and the report ranks them', async () => {
    const board = await createBoard(server, 'Stemmen', 'en');
    const content = await connectSynced(server, board.id, board.tokens.facilitator);
    const control = await connectSynced(server, controlRoomName(board.id), board.tokens.facilitator);
    const a = createItem(content.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Stuw in de sloot' }, 'f');
    const b = createItem(content.doc, { kind: 'smallWin', x: 300, y: 0, text: 'Bufferstrook' }, 'f');
    await content.roundTrip();
    openVote(control.doc, { budget: 3, kind: 'smallWin' }, 'f');
    await control.roundTrip();
    const cast = (userId: string, itemId: string, dots: number) =>
      api(`${board.id}/votes`, board.tokens.participant, { userId, itemId, dots });
    await cast('u1', a, 2);
    await cast('u2', a, 1);
    await cast('u2', b, 2);
    const reader = await connectSynced(server, board.id, board.tokens.viewer);
    let updates = 0;
    reader.doc.on('update', () => (updates += 1));
    revealVote(control.doc, 'f');
    await control.roundTrip();
    await waitFor(() => reader.doc.getMap('votes').size === 3, 'ballots in the board');
    expect(updates).toBe(1);
    expect(readBoard(reader.doc).votes).toEqual(
      [
        { itemId: a, userId: 'u1', dots: 2 },
        { itemId: a, userId: 'u2', dots: 1 },
        { itemId: b, userId: 'u2', dots: 2 },
      ].sort((x, y) => (x.itemId + x.userId < y.itemId + y.userId ? -1 : 1)),
    );
    const md = await api(`${board.id}/export?format=md`, board.tokens.viewer);
    const ranking = md.text.slice(md.text.indexOf('## Vote ranking'));
    expect(ranking).toMatch(/1\. Stuw in de sloot \(Small win\) — 3 dots/);
    expect(ranking).toMatch(/2\. Bufferstrook \(Small win\) — 2 dots/);
    for (const c of [content, control, reader]) c.destroy();
  });
});

describe('phases', () => {
  it('take a snapshot named after the phase a change ends', async () => {
    const res = await fetch(`${server.http}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Oogst', language: 'nl', template: 'harvest' }),
    });
    const board = (await res.json()) as { id: string; tokens: Record<string, string> };
    const control = await connectSynced(server, controlRoomName(board.id), board.tokens.facilitator!);
    stepPhase(control.doc, 1, 'f');
    await control.roundTrip();
    const labels = async () =>
      (
        JSON.parse((await api(`${board.id}/snapshots`, board.tokens.viewer!)).text) as {
          snapshots: { label: string }[];
        }
      ).snapshots.map((s) => s.label);
    await waitFor(async () => (await labels()).includes('Na fase: Ambitie'), 'phase snapshot');
    stepPhase(control.doc, 1, 'f');
    await control.roundTrip();
    await waitFor(async () => (await labels()).includes('Na fase: Oogsten'), 'second phase snapshot');
    control.destroy();
  });
});

describe('the safety net', () => {
  it('snapshots an edited board each round, keeps the newest few, and skips an unchanged one', async () => {
    const board = await createBoard(server, 'Vangnet', 'nl');
    const client = await connectSynced(server, board.id, board.tokens.participant);
    const periodic = async () =>
      (await storage.listSnapshots(board.id)).filter((s) => s.label === 'Automatisch: tijdens het werk');
    for (let i = 0; i < 3; i++) {
      createItem(client.doc, { kind: 'note', x: i * 300, y: 0, text: `ronde ${i}` }, 'p');
      await client.roundTrip();
      await server.autoSnapshots.round();
    }
    const before = (await periodic()).map((s) => s.id);
    await server.autoSnapshots.round();
    const kept = await periodic();
    expect(kept).toHaveLength(2);
    // Nothing changed since the last round: no new snapshot.
    expect(kept.map((s) => s.id)).toEqual(before);
    const newest = await storage.getSnapshot(board.id, kept[0]!.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newest!.state);
    expect(
      readBoard(doc)
        .items.map((i) => i.text)
        .sort(),
    ).toEqual(['ronde 0', 'ronde 1', 'ronde 2']);
    client.destroy();
  });

  it('goes back to N minutes ago through a restore that can itself be undone', async () => {
    const board = await createBoard(server, 'Terug', 'en');
    const client = await connectSynced(server, board.id, board.tokens.facilitator);
    const id = createItem(client.doc, { kind: 'note', x: 0, y: 0, text: 'then' }, 'f');
    await client.roundTrip();
    // A snapshot from eleven minutes ago, as the rounds would have left it.
    const then = Y.encodeStateAsUpdate(client.doc);
    await storage.createSnapshot({
      id: 'eleven-minutes',
      boardId: board.id,
      label: 'Automatic: while editing',
      createdAt: Date.now() - 11 * 60_000,
      state: then,
    });
    updateItem(client.doc, id, { x: 900 }, 'f');
    await client.roundTrip();
    expect(
      (await api(`${board.id}/snapshots/rewind`, board.tokens.participant, { minutes: 10 })).status,
    ).toBe(403);
    expect(
      (await api(`${board.id}/snapshots/rewind`, board.tokens.facilitator, { minutes: 60 })).status,
    ).toBe(404);
    const back = await api(`${board.id}/snapshots/rewind`, board.tokens.facilitator, { minutes: 10 });
    expect(back.status).toBe(200);
    const result = JSON.parse(back.text) as { restored: { id: string }; backup: { id: string } };
    expect(result.restored.id).toBe('eleven-minutes');
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(readBoard(fresh.doc).items.find((i) => i.id === id)?.x).toBe(0);
    // The state it replaced is kept: restoring the backup undoes the rewind.
    const undo = await api(`${board.id}/snapshots/${result.backup.id}/restore`, board.tokens.facilitator, {});
    expect(undo.status).toBe(200);
    await waitFor(() => readBoard(fresh.doc).items.find((i) => i.id === id)?.x === 900, 'rewind undone');
    for (const c of [client, fresh]) c.destroy();
  });
});

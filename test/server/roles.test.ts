/**
 * Roles and the lock, each checked from a fresh client (what the server stored and relays),
 * not from the writer's own view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTimer } from '../../shared/control/commands';
import { readControl } from '../../shared/control/readControl';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** What a client connecting now receives: the server's stored state. */
async function freshItems(room: string, token: string): Promise<Record<string, unknown>> {
  const fresh = await connectSynced(server, room, token);
  const items = fresh.doc.getMap('items').toJSON();
  fresh.destroy();
  return items;
}

describe('viewer', () => {
  it('has its writes dropped, is told once, and keeps receiving', async () => {
    const board = await createBoard(server);
    const viewer = await connectSynced(server, board.id, board.tokens.viewer);
    const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
    viewer.doc.getMap('items').set('v1', 1);
    await viewer.roundTrip();
    viewer.doc.getMap('items').set('v2', 2);
    await viewer.roundTrip();
    expect(viewer.denied).toEqual(['viewers cannot edit this board']);
    facilitator.doc.getMap('items').set('f', 3);
    await waitFor(() => viewer.doc.getMap('items').get('f') === 3, 'viewer receives');
    expect(facilitator.doc.getMap('items').has('v1')).toBe(false);
    expect(await freshItems(board.id, board.tokens.participant)).toEqual({ f: 3 });
    viewer.destroy();
    facilitator.destroy();
  });

  it('is not told anything when it only syncs', async () => {
    const board = await createBoard(server);
    const viewer = await connectSynced(server, board.id, board.tokens.viewer);
    await viewer.roundTrip();
    expect(viewer.denied).toEqual([]);
    viewer.destroy();
  });
});

describe('control document', () => {
  it('takes writes from the facilitator only', async () => {
    const board = await createBoard(server);
    const room = `${board.id}/control`;
    const participant = await connectSynced(server, room, board.tokens.participant);
    const facilitator = await connectSynced(server, room, board.tokens.facilitator);
    participant.doc.getMap('control').set('phase', 'hijacked');
    await participant.roundTrip();
    expect(participant.denied).toEqual(['only the facilitator changes the control document']);
    // Even the facilitator writes only the contract's fields, in their form (contract 3).
    facilitator.doc.getMap('control').set('timer', 'running');
    await facilitator.roundTrip();
    expect(facilitator.denied[0]).toMatch(/^timer: .*; the change was undone$/);
    startTimer(facilitator.doc, 60_000, Date.now(), 'f');
    await waitFor(
      () => readControl(participant.doc).timer?.running === true,
      'participant reads the facilitator’s timer',
    );
    const fresh = await connectSynced(server, room, board.tokens.viewer);
    expect(Object.keys(fresh.doc.getMap('control').toJSON())).toEqual(['timer']);
    expect(readControl(fresh.doc)).toMatchObject({ problems: [], timer: { running: true } });
    for (const c of [participant, facilitator, fresh]) c.destroy();
  });
});

describe('lock', () => {
  it('undoes participant edits while locked and takes their next edit as soon as it lifts', async () => {
    const board = await createBoard(server);
    const control = await connectSynced(server, `${board.id}/control`, board.tokens.facilitator);
    const watcher = await connectSynced(server, `${board.id}/control`, board.tokens.participant);
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
    const items = participant.doc.getMap('items');
    items.set('before', 1);
    await waitFor(() => facilitator.doc.getMap('items').get('before') === 1, 'edit before the lock');

    control.doc.getMap('control').set('locked', true);
    await waitFor(() => watcher.doc.getMap('control').get('locked') === true, 'lock relayed');
    items.set('locked-1', 1);
    items.set('before', 'overwritten');
    items.delete('before');
    items.set('locked-2', 2);
    await participant.roundTrip();
    // The author's own view snaps back to what the server kept.
    await waitFor(
      () => !items.has('locked-1') && !items.has('locked-2'),
      'locked edits undone for the author',
    );
    await waitFor(() => items.get('before') === 1, 'overwritten value restored for the author');
    expect(participant.denied).toEqual(['the board is locked by the facilitator; your edit was undone']);
    facilitator.doc.getMap('items').set('facilitator-while-locked', 1);
    await waitFor(() => items.get('facilitator-while-locked') === 1, 'participant keeps receiving');
    expect(await freshItems(board.id, board.tokens.viewer)).toEqual({
      before: 1,
      'facilitator-while-locked': 1,
    });

    control.doc.getMap('control').set('locked', false);
    await waitFor(() => watcher.doc.getMap('control').get('locked') === false, 'unlock relayed');
    items.set('after', 1);
    await waitFor(() => facilitator.doc.getMap('items').get('after') === 1, 'next edit relayed at once');
    expect(await freshItems(board.id, board.tokens.viewer)).toEqual({
      before: 1,
      'facilitator-while-locked': 1,
      after: 1,
    });

    // A second lock is told again, once.
    control.doc.getMap('control').set('locked', true);
    await waitFor(() => watcher.doc.getMap('control').get('locked') === true, 'second lock relayed');
    items.set('locked-3', 3);
    await participant.roundTrip();
    expect(participant.denied).toHaveLength(2);
    expect(await freshItems(board.id, board.tokens.viewer)).not.toHaveProperty('locked-3');
    for (const c of [control, watcher, participant, facilitator]) c.destroy();
  });

  it('never restricts the facilitator', async () => {
    const board = await createBoard(server);
    const control = await connectSynced(server, `${board.id}/control`, board.tokens.facilitator);
    control.doc.getMap('control').set('locked', true);
    await control.roundTrip();
    const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
    facilitator.doc.getMap('items').set('f', 1);
    await facilitator.roundTrip();
    expect(facilitator.denied).toEqual([]);
    expect(await freshItems(board.id, board.tokens.viewer)).toEqual({ f: 1 });
    control.destroy();
    facilitator.destroy();
  });
});

/**
 * The server's rules for facilitation (DESIGN.md contract 3), checked from fresh clients: items
 * the facilitator locked refuse a participant's changes, the `votes` map takes no participant's
 * writes, and the control document takes only the contract's fields in their form, even from
 * the facilitator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createItem, deleteItems, setText, updateItem } from '../../shared/commands';
import { setItemsLocked, setLocked } from '../../shared/control/commands';
import { getControl } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import { readBoard } from '../../shared/readBoard';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function setUp() {
  const board = await createBoard(server);
  const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
  const control = await connectSynced(server, controlRoomName(board.id), board.tokens.facilitator);
  const participant = await connectSynced(server, board.id, board.tokens.participant);
  const fixed = createItem(facilitator.doc, { kind: 'frame', x: 0, y: 0, text: 'Oogsten' }, 'f');
  const free = createItem(facilitator.doc, { kind: 'note', x: 900, y: 0, text: 'vrij' }, 'f');
  await facilitator.roundTrip();
  setItemsLocked(control.doc, [fixed], true, 'f');
  await control.roundTrip();
  await waitFor(() => participant.doc.getMap('items').has(fixed), 'participant sees the items');
  /** The board as a client that joins now reads it from the server. */
  const fresh = async () => {
    const client = await connectSynced(server, board.id, board.tokens.viewer);
    const read = readBoard(client.doc);
    client.destroy();
    return read;
  };
  const done = () => [facilitator, control, participant].forEach((c) => c.destroy());
  return { board, facilitator, control, participant, fixed, free, fresh, done };
}

describe('locked items', () => {
  it('refuse a participant’s move, text and delete, and take the facilitator’s', async () => {
    const { participant, facilitator, fixed, free, fresh, done } = await setUp();
    updateItem(participant.doc, fixed, { x: 500 }, 'p');
    setText(participant.doc, fixed, 'Gekaapt', 'p');
    updateItem(participant.doc, free, { x: 1200 }, 'p');
    await participant.roundTrip();
    deleteItems(participant.doc, [fixed], 'p');
    await participant.roundTrip();
    expect(participant.denied).toEqual(['this item is fixed by the facilitator; your edit was undone']);
    let board = await fresh();
    const item = (id: string) => board.items.find((i) => i.id === id);
    expect(item(fixed)).toMatchObject({ x: 0, text: 'Oogsten' });
    expect(item(free)?.x).toBe(1200);
    // The participant's own view snapped back.
    await waitFor(() => participant.doc.getMap('items').has(fixed), 'the deleted item back');
    updateItem(facilitator.doc, fixed, { x: 40 }, 'f');
    await facilitator.roundTrip();
    board = await fresh();
    expect(item(fixed)?.x).toBe(40);
    done();
  });

  it('free up again when unlocked', async () => {
    const { board, participant, control, fixed, fresh, done } = await setUp();
    setItemsLocked(control.doc, [fixed], false, 'f');
    await control.roundTrip();
    expect(server.rooms.peek(controlRoomName(board.id))?.control?.lockedItems.size).toBe(0);
    updateItem(participant.doc, fixed, { x: 300 }, 'p');
    await participant.roundTrip();
    expect((await fresh()).items.find((i) => i.id === fixed)?.x).toBe(300);
    done();
  });
});

describe('votes and the lock', () => {
  it('keep a participant from writing dots into the document', async () => {
    const { participant, free, fresh, done } = await setUp();
    participant.doc.getMap('votes').set(`${free}|p1`, 5);
    await participant.roundTrip();
    expect(participant.denied[0]).toMatch(/votes are cast with the dot buttons/);
    expect((await fresh()).votes).toEqual([]);
    done();
  });

  it('lock the whole board with one flag', async () => {
    const { board, participant, control, free, fresh, done } = await setUp();
    setLocked(control.doc, true, 'f');
    await control.roundTrip();
    expect(server.rooms.peek(controlRoomName(board.id))?.control?.locked).toBe(true);
    updateItem(participant.doc, free, { x: 777 }, 'p');
    await participant.roundTrip();
    expect((await fresh()).items.find((i) => i.id === free)?.x).toBe(900);
    done();
  });
});

describe('the control document', () => {
  it.each<[string, unknown]>([
    ['a timer word', 'running'],
    ['a NaN endsAt', { running: true, endsAt: NaN, remainingMs: null }],
    ['a negative budget', { id: 'v', open: true, budget: -2, kind: 'smallWin', revealed: false }],
    [
      '10,000 phases',
      Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i}`, title: 'x', prompt: '', minutes: 1 })),
    ],
  ])('refuses %s even from the facilitator', async (name, value) => {
    const board = await createBoard(server);
    const room = controlRoomName(board.id);
    const facilitator = await connectSynced(server, room, board.tokens.facilitator);
    const key = name.includes('budget') ? 'voting' : name.includes('phases') ? 'phases' : 'timer';
    getControl(facilitator.doc).set(key, value);
    getControl(facilitator.doc).set('mood', 'sunny');
    await facilitator.roundTrip();
    expect(facilitator.denied).toHaveLength(1);
    const fresh = await connectSynced(server, room, board.tokens.viewer);
    expect(fresh.doc.getMap('control').toJSON()).toEqual({});
    for (const c of [facilitator, fresh]) c.destroy();
  });

  it('refuses keys outside the contract and values in lockedItems other than true', async () => {
    const board = await createBoard(server);
    const room = controlRoomName(board.id);
    const facilitator = await connectSynced(server, room, board.tokens.facilitator);
    getControl(facilitator.doc).set('mood', 'sunny');
    await facilitator.roundTrip();
    setItemsLocked(facilitator.doc, ['a'], true, 'f');
    await facilitator.roundTrip();
    (getControl(facilitator.doc).get('lockedItems') as Y.Map<unknown>).set('b', 'yes');
    await facilitator.roundTrip();
    const fresh = await connectSynced(server, room, board.tokens.viewer);
    expect(fresh.doc.getMap('control').toJSON()).toEqual({ lockedItems: { a: true } });
    for (const c of [facilitator, fresh]) c.destroy();
  });
});

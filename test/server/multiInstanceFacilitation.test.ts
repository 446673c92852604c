/**
 * Facilitation across instances (DESIGN.md contract 3; issue 13, point 3): the control document
 * takes writes only from the facilitator whichever instance they come through, items the
 * facilitator locked on A refuse a participant on B, and a secret vote opened on A takes
 * ballots through either instance against one budget, shows nobody anything until the
 * facilitator reveals it, and then reaches the board on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, setText } from '../../shared/commands';
import { openVote, revealVote, setItemsLocked } from '../../shared/control/commands';
import { getControl, readControl } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import { getVotes } from '../../shared/ydoc';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { boardApi, itemText, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { createBoard } from './helpers';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
const { join } = clientsPerTest();

beforeAll(async () => {
  if (enabled) cluster = await startCluster({ size: 2 });
});
afterAll(async () => {
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

/** A board with the facilitator on A (both documents) and a participant on B (both documents). */
async function workshop() {
  const [a, b] = cluster.instances;
  const board = await createBoard(a!);
  const facilitator = await join(a!, board.id, board.tokens.facilitator);
  const control = await join(a!, controlRoomName(board.id), board.tokens.facilitator);
  const participant = await join(b!, board.id, board.tokens.participant);
  const participantControl = await join(b!, controlRoomName(board.id), board.tokens.participant);
  return { a: a!, b: b!, board, facilitator, control, participant, participantControl };
}

describe.runIf(enabled)('facilitation across instances', () => {
  it('takes control writes from the facilitator only, and binds B to items locked on A', async () => {
    const { board, facilitator, control, participant, participantControl } = await workshop();
    const fixed = createItem(facilitator.doc, { kind: 'frame', x: 0, y: 0, text: 'Oogsten' }, 'f');
    await waitLong(() => itemText(participant.doc, fixed) === 'Oogsten', 'the frame on B');

    // A participant on B tries to steer the workshop: nobody follows.
    getControl(participantControl.doc).set('locked', true);
    await participantControl.roundTrip();
    expect(participantControl.denied.length).toBeGreaterThan(0);
    setItemsLocked(control.doc, [fixed], true, 'f');
    await waitLong(
      () => readControl(participantControl.doc).lockedItems.has(fixed),
      'the facilitator’s item lock on B',
    );
    // The facilitator's later change arrived; the participant's earlier one never did.
    expect(readControl(control.doc).locked).toBe(false);
    const fresh = await join(cluster.instances[0]!, controlRoomName(board.id), board.tokens.viewer);
    expect(readControl(fresh.doc).locked).toBe(false);

    setText(participant.doc, fixed, 'Gekaapt', 'p');
    await participant.roundTrip();
    expect(participant.denied).toContain('this item is fixed by the facilitator; your edit was undone');
    await waitLong(
      () => itemText(participant.doc, fixed) === 'Oogsten',
      'the participant’s view snapped back',
    );
    setText(facilitator.doc, fixed, 'Oogsten!', 'f');
    await waitLong(() => itemText(participant.doc, fixed) === 'Oogsten!', 'the facilitator’s text on B');
    expect(itemText(facilitator.doc, fixed)).toBe('Oogsten!');
  });

  it('counts ballots through both instances against one budget and reveals them on both', async () => {
    const { a, b, board, facilitator, control, participant, participantControl } = await workshop();
    const dyke = createItem(facilitator.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Dijk' }, 'f');
    const pond = createItem(facilitator.doc, { kind: 'smallWin', x: 300, y: 0, text: 'Vijver' }, 'f');
    await waitLong(() => itemText(participant.doc, pond) !== undefined, 'the cards on B');
    openVote(control.doc, { budget: 2, kind: 'smallWin' }, 'f');
    await waitLong(() => readControl(participantControl.doc).voting?.open, 'the vote open on B');

    const cast = (server: { http: string }, itemId: string, dots: number) =>
      boardApi(server, 'POST', `${board.id}/votes`, board.tokens.participant, { userId: 'u1', itemId, dots });
    expect(await cast(b, dyke, 1)).toEqual({ status: 200, body: { mine: { [dyke]: 1 }, left: 1 } });
    expect(await cast(a, pond, 1)).toEqual({
      status: 200,
      body: { mine: { [dyke]: 1, [pond]: 1 }, left: 0 },
    });
    // The budget holds across instances.
    const over = await cast(b, pond, 2);
    expect(over.status).toBe(409);
    expect(over.body.error).toBe('budget');
    const totals = await boardApi(a, 'GET', `${board.id}/votes?userId=f`, board.tokens.facilitator);
    expect(totals.body.totals).toEqual({ [dyke]: 1, [pond]: 1 });

    // Secret until revealed: nothing on either instance's board.
    expect(getVotes(participant.doc).size).toBe(0);
    expect(getVotes(facilitator.doc).size).toBe(0);
    revealVote(control.doc, 'f');
    await waitLong(() => getVotes(participant.doc).size === 2, 'the revealed votes on B');
    await waitLong(() => getVotes(facilitator.doc).size === 2, 'the revealed votes on A');
    expect(getVotes(participant.doc).toJSON()).toEqual({ [`${dyke}|u1`]: 1, [`${pond}|u1`]: 1 });
  });
});

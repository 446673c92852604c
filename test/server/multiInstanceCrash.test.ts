/**
 * An instance killed with SIGKILL (issue 13, point 4): nothing a client on another instance has
 * seen is lost — a fresh client on a third instance, the export and the restarted instance all
 * have it — and the killed instance's clients reconnect to another instance with their own
 * document and converge, edits made while offline included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem } from '../../shared/commands';
import { readBoard } from '../../shared/readBoard';
import { getItems } from '../../shared/ydoc';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { covers, fetchServerState } from '../support/serverState';
import { itemText, running, sameState, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { connect, createBoard } from './helpers';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
const { join, keep } = clientsPerTest();

beforeAll(async () => {
  if (enabled) cluster = await startCluster({ size: 3 });
});
afterAll(async () => {
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

describe.runIf(enabled)('an instance killed with SIGKILL', () => {
  it('loses nothing another client has seen, and its clients converge on another instance', async () => {
    const [a, b, c] = cluster.instances;
    const board = await createBoard(a!, 'Crash');
    const author = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    const fromB = createItem(onB.doc, { kind: 'ambition', x: 0, y: -400, text: 'Droge voeten' }, 'b');
    await waitLong(() => itemText(author.doc, fromB) !== undefined, "B's item on A");

    // The author keeps typing cards; A dies in the middle of it.
    let written = 0;
    const typing = setInterval(() => {
      written += 1;
      createItem(author.doc, { kind: 'note', x: written * 10, y: 0, text: `kaart ${written}` }, 'a');
    }, 5);
    try {
      await waitLong(() => getItems(onB.doc).size >= 21, 'B to see twenty of the cards');
      await cluster.kill(0);
    } finally {
      clearInterval(typing);
    }
    const seenOnB = getItems(onB.doc).size - 1;
    expect(seenOnB).toBeGreaterThanOrEqual(20);

    // Whatever B's client has seen (now or from here on) is in the store: C, which never had the
    // room, serves all of it, and so does its export.
    const stateOnC = await fetchServerState(c!.ws, board.id, board.tokens.viewer);
    expect(covers(stateOnC, onB.doc)).toBe(true);
    const fresh = await join(c!, board.id, board.tokens.viewer);
    expect(getItems(fresh.doc).size).toBeGreaterThanOrEqual(seenOnB + 1);
    const exported = await fetch(`${c!.http}/api/boards/${board.id}/export?format=json`, {
      headers: { authorization: `Bearer ${board.tokens.viewer}` },
    });
    const json = (await exported.json()) as { items: { id: string }[] };
    const exportedIds = new Set(json.items.map((item) => item.id));
    for (const id of getItems(onB.doc).keys()) expect(exportedIds.has(id), id).toBe(true);

    // Offline on the dead instance, the author goes on; B's client too.
    const offline = createItem(author.doc, { kind: 'smallWin', x: 0, y: 400, text: 'offline bedacht' }, 'a');
    const meanwhile = createItem(onB.doc, { kind: 'note', x: 400, y: 400, text: 'intussen op B' }, 'b');
    // The author's client reconnects to B with the same document.
    author.provider.destroy();
    const again = connect(b!, board.id, board.tokens.participant, author.doc);
    keep(again);
    await waitLong(() => again.provider.synced, 'the author synced on B');
    await waitLong(() => itemText(onB.doc, offline) === 'offline bedacht', 'the offline edit on B');
    await waitLong(() => itemText(again.doc, meanwhile) === 'intussen op B', "B's edit at the author");
    await waitLong(() => sameState(again.doc, onB.doc), 'both replicas equal');
    // Every card the author typed before the crash is there, seen by B or not.
    expect(getItems(onB.doc).size).toBe(written + 3);
    expect(running(b!) && running(c!)).toBe(true);

    // A comes back on its port and serves the board as everyone has it.
    const restarted = await cluster.restart(0);
    const onRestarted = await join(restarted, board.id, board.tokens.viewer);
    await waitLong(
      () => covers(Y.encodeStateAsUpdate(onRestarted.doc), onB.doc),
      'the restarted instance to serve everything',
    );
    expect(readBoard(onRestarted.doc)).toEqual(readBoard(onB.doc));
    // And the store the export reads has it too.
    const after = await fetch(`${restarted.http}/api/boards/${board.id}/export?format=json`, {
      headers: { authorization: `Bearer ${board.tokens.viewer}` },
    });
    const texts = ((await after.json()) as { items: { text: string }[] }).items.map((item) => item.text);
    expect(texts).toContain('offline bedacht');
    expect(texts).toContain('intussen op B');
  });
});

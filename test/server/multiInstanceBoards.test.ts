/**
 * A board's files from any instance (issue 13, point 3): an export from B holds what was edited
 * on A, whether B has the room loaded or reads it from PostgreSQL; a snapshot taken through A is
 * listed and restored through B and the restore reaches clients on A; the export CLI reads a
 * board edited on the cluster straight from PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, deleteItems, setText } from '../../shared/commands';
import { readBoard } from '../../shared/readBoard';
import { getItems } from '../../shared/ydoc';
import type { SnapshotInfo } from '../../server/storage/storage';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { boardApi, itemText, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { createBoard } from './helpers';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
const { join } = clientsPerTest();

/** The JSON export of `boardId` from `server`. */
async function exportJson(server: { http: string }, boardId: string, token: string, query = '') {
  const res = await fetch(`${server.http}/api/boards/${boardId}/export?format=json${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { meta: { title: string }; items: { id: string; text: string }[] };
}

beforeAll(async () => {
  if (enabled) cluster = await startCluster({ size: 3 });
});
afterAll(async () => {
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

describe.runIf(enabled)('boards, exports and snapshots across instances', () => {
  it('exports from B what was edited on A, loaded on B or not', async () => {
    const [a, b, c] = cluster.instances;
    const board = await createBoard(a!, 'Export');
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.viewer);
    const id = createItem(onA.doc, { kind: 'ambition', x: 0, y: 0, text: 'Klimaatbestendig 2050' }, 'a');
    await waitLong(() => itemText(onB.doc, id) !== undefined, 'the item on B');
    // B has the room loaded: its export holds the edit.
    const fromB = await exportJson(b!, board.id, board.tokens.viewer);
    expect(fromB.items.find((item) => item.id === id)?.text).toBe('Klimaatbestendig 2050');
    // Nobody is on C: it reads the board from PostgreSQL, where the edit was before anyone saw it.
    setText(onA.doc, id, 'Klimaatbestendig in 2050', 'a');
    await waitLong(() => itemText(onB.doc, id) === 'Klimaatbestendig in 2050', 'the text on B');
    const fromC = await exportJson(c!, board.id, board.tokens.viewer);
    expect(fromC.items.find((item) => item.id === id)?.text).toBe('Klimaatbestendig in 2050');
    const markdown = await fetch(`${c!.http}/api/boards/${board.id}/export?format=md`, {
      headers: { authorization: `Bearer ${board.tokens.viewer}` },
    });
    expect(await markdown.text()).toContain('Klimaatbestendig in 2050');
  });

  it('lists and restores through B a snapshot taken through A; the restore reaches clients on A', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(a!, 'Snapshots');
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    const kept = createItem(onA.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Regenton' }, 'a');
    const gone = createItem(onA.doc, { kind: 'note', x: 300, y: 0, text: 'Tegel eruit' }, 'a');
    await waitLong(() => itemText(onB.doc, gone) !== undefined, 'both items on B');

    const taken = await boardApi(a!, 'POST', `${board.id}/snapshots`, board.tokens.facilitator, {
      label: 'Na de oogst',
    });
    expect(taken.status).toBe(201);
    const listed = await boardApi(b!, 'GET', `${board.id}/snapshots`, board.tokens.viewer);
    const snapshot = (listed.body.snapshots as SnapshotInfo[]).find((s) => s.label === 'Na de oogst');
    expect(snapshot?.id).toBe(taken.body.id);

    // The group goes on, on both instances.
    deleteItems(onB.doc, [gone], 'b');
    setText(onA.doc, kept, 'Regenton vol', 'a');
    await waitLong(() => !getItems(onA.doc).has(gone) && itemText(onB.doc, kept) === 'Regenton vol', 'edits');

    const restored = await boardApi(
      b!,
      'POST',
      `${board.id}/snapshots/${snapshot!.id}/restore`,
      board.tokens.facilitator,
    );
    expect(restored.status).toBe(200);
    await waitLong(
      () => itemText(onA.doc, gone) === 'Tegel eruit' && itemText(onA.doc, kept) === 'Regenton',
      'the restore on A',
    );
    await waitLong(() => itemText(onB.doc, gone) === 'Tegel eruit', 'the restore on B');
    expect(readBoard(onA.doc)).toEqual(readBoard(onB.doc));
    // The snapshot's own export from A is the board as it was.
    const asItWas = await exportJson(a!, board.id, board.tokens.viewer, `&snapshot=${snapshot!.id}`);
    expect(asItWas.items.map((item) => item.text).sort()).toEqual(['Regenton', 'Tegel eruit']);
  });

  it('lets the export CLI read a board edited on the cluster from PostgreSQL', async () => {
    const [a, b] = cluster.instances;
    const board = await createBoard(b!, 'Deltaplan');
    const onA = await join(a!, board.id, board.tokens.participant);
    const onB = await join(b!, board.id, board.tokens.participant);
    const one = createItem(onA.doc, { kind: 'smallWin', x: 0, y: 0, text: 'Dijkversterking' }, 'a');
    const two = createItem(
      onB.doc,
      { kind: 'actor', x: 300, y: 0, text: 'Waterschap', sphere: 'public' },
      'b',
    );
    await waitLong(
      () => itemText(onB.doc, one) !== undefined && itemText(onA.doc, two) !== undefined,
      'both',
    );

    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/export.ts', board.id, '--format', 'json', '--out', '-'],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        // The instances' own environment: the CLI needs nothing but DATABASE_URL from it.
        env: {
          ...process.env,
          DATABASE_URL: cluster.databaseUrl,
          REDIS_URL: cluster.redisUrl,
          REDIS_PREFIX: cluster.redisPrefix,
        },
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).not.toContain('instead');
    const json = JSON.parse(cli.stdout) as { meta: { title: string }; items: { id: string; text: string }[] };
    expect(json.meta.title).toBe('Deltaplan');
    expect(json.items.map((item) => item.text).sort()).toEqual(['Dijkversterking', 'Waterschap']);
  });
});

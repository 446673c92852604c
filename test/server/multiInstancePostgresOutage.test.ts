/**
 * PostgreSQL refusing writes (issue 13, point 4): a trigger in the cluster's schema makes every
 * insert into the update log fail, as a full disk or a read-only replica would. No instance
 * crashes, no client on the same instance or on the other one ever gets the unsaved edit, and
 * once the trigger is gone the author's client resends it and everyone gets it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../shared/commands';
import { getItems } from '../../shared/ydoc';
import { clusterServicesAvailable, startCluster, type Cluster } from '../support/cluster';
import { TEST_DATABASE_URL } from './postgresSchemas';
import { itemText, running, statusOf, waitLong, clientsPerTest, printOnFailure } from './clusterHelpers';
import { createBoard } from './helpers';

const enabled = await clusterServicesAvailable();
let cluster: Cluster;
let db: pg.Client;
const { join } = clientsPerTest();

beforeAll(async () => {
  if (!enabled) return;
  cluster = await startCluster({ size: 2 });
  db = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await cluster?.stop();
});
printOnFailure(() => cluster?.output());

/** Makes every insert into the update log fail, counting the attempts in a sequence. */
async function refuseWrites(schema: string): Promise<void> {
  const s = `"${schema}"`;
  // nextval is outside the transaction the RAISE rolls back, so the count survives.
  await db.query(`
    CREATE SEQUENCE ${s}.refused_writes;
    CREATE FUNCTION ${s}.refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('${s}.refused_writes');
      RAISE EXCEPTION 'writes refused by the test';
    END $$;
    CREATE TRIGGER refuse_writes BEFORE INSERT ON ${s}.updates
      FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_writes();`);
}

/** How many inserts the trigger has refused. */
async function refusedWrites(schema: string): Promise<number> {
  const { rows } = await db.query<{ last_value: string; is_called: boolean }>(
    `SELECT last_value, is_called FROM "${schema}".refused_writes`,
  );
  return rows[0]!.is_called ? Number(rows[0]!.last_value) : 0;
}

describe.runIf(enabled)('PostgreSQL refusing writes', () => {
  it('crashes no instance and relays no unsaved edit; the edit lands once writes work again', async () => {
    const [a, b] = cluster.instances;
    const { schema } = cluster;
    const board = await createBoard(a!, 'Schijf vol');
    const author = await join(a!, board.id, board.tokens.participant);
    const sameInstance = await join(a!, board.id, board.tokens.participant);
    const otherInstance = await join(b!, board.id, board.tokens.participant);
    const first = createItem(author.doc, { kind: 'note', x: 0, y: 0, text: 'opgeslagen' }, 'a');
    await waitLong(() => itemText(otherInstance.doc, first) !== undefined, 'a stored edit everywhere');

    await refuseWrites(schema);
    const unsaved = 'niet-opgeslagen';
    // Watched from here on: the unsaved card must not show up anywhere while writes fail.
    let writesRefused = true;
    const leaks: string[] = [];
    for (const [name, client] of [
      ['a client on the same instance', sameInstance],
      ['a client on the other instance', otherInstance],
    ] as const) {
      client.doc.on('afterTransaction', () => {
        if (writesRefused && getItems(client.doc).has(unsaved)) leaks.push(name);
      });
    }
    createItem(author.doc, { id: unsaved, kind: 'smallWin', x: 300, y: 0, text: 'verloren?' }, 'a');
    // Refused at least twice: the first refusal has run its course and the edit came again.
    await waitLong(async () => (await refusedWrites(schema)) >= 2, 'the store to refuse the edit twice');
    // Presence is not stored: set after the refusals, it crosses to B, behind anything A sent before.
    sameInstance.provider.awareness.setLocalStateField('user', { id: 'mark', name: 'Marker' });
    await waitLong(
      () =>
        (
          otherInstance.provider.awareness.getStates().get(sameInstance.doc.clientID) as
            { user?: { name?: string } } | undefined
        )?.user?.name === 'Marker',
      'a later message from A to reach B',
    );
    expect(leaks).toEqual([]);
    expect(getItems(sameInstance.doc).has(unsaved)).toBe(false);
    expect(getItems(otherInstance.doc).has(unsaved)).toBe(false);
    for (const server of [a!, b!]) {
      expect(running(server)).toBe(true);
      expect(await statusOf(server, '/healthz')).toBe(200);
    }
    // The author still has it.
    expect(getItems(author.doc).has(unsaved)).toBe(true);

    writesRefused = false;
    await db.query(`DROP TRIGGER refuse_writes ON "${schema}".updates`);
    await waitLong(() => itemText(sameInstance.doc, unsaved) === 'verloren?', 'the edit on A', 20_000);
    await waitLong(() => itemText(otherInstance.doc, unsaved) === 'verloren?', 'the edit on B', 20_000);
    const fresh = await join(b!, board.id, board.tokens.viewer);
    expect(itemText(fresh.doc, unsaved)).toBe('verloren?');
    expect(running(a!) && running(b!)).toBe(true);
  });
});

/**
 * Bounded writes (issue 12, findings 4 and 5): a title or text past its limit, and a write
 * that would grow the document past MAX_DOC_BYTES, are undone by the server, told to the
 * writer, and never stored or relayed; the room stays usable, for the writer too.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../server/storage/memoryStorage';
import { MAX_KEY_LENGTH } from '../../server/sync/contentRules';
import { MAX_TEXT_LENGTH } from '../../shared/kinds/base';
import { MAX_TITLE_LENGTH } from '../../shared/ydoc';
import { connectSynced, createBoard, startTestServer, waitFor, type TestServer } from './helpers';

const MAX_DOC_BYTES = 256 * 1024;
let storage: ReturnType<typeof createMemoryStorage>;
let server: TestServer;
beforeAll(async () => {
  storage = createMemoryStorage();
  server = await startTestServer({ maxDocBytes: MAX_DOC_BYTES }, storage);
});
afterAll(async () => {
  await server.stop();
});

/** Bytes of a board's stored log. */
async function storedBytes(boardId: string): Promise<number> {
  const { updates } = await storage.load(boardId);
  return updates.reduce((sum, u) => sum + u.byteLength, 0);
}

describe('field bounds', () => {
  it('undoes a 6 MB title from a participant; nobody stores, relays or caches it', async () => {
    const board = await createBoard(server, 'Short title');
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const other = await connectSynced(server, board.id, board.tokens.participant);
    let biggestRelayed = 0;
    other.doc.on(
      'update',
      (update: Uint8Array) => (biggestRelayed = Math.max(biggestRelayed, update.byteLength)),
    );
    const meta = participant.doc.getMap('meta');
    meta.set('title', 'x'.repeat(6 * 1024 * 1024));
    await participant.roundTrip();
    await waitFor(() => meta.get('title') === 'Short title', "the author's view snaps back");
    expect(participant.denied).toEqual([
      `a title is text of at most ${MAX_TITLE_LENGTH} characters; your change was undone`,
    ]);
    expect(biggestRelayed).toBeLessThan(10_000);
    expect(await storedBytes(board.id)).toBeLessThan(10_000);
    // A title within the bound is taken at once: the writer's chain has no gap.
    meta.set('title', 'y'.repeat(MAX_TITLE_LENGTH));
    await waitFor(() => other.doc.getMap('meta').get('title') === 'y'.repeat(MAX_TITLE_LENGTH), 'next title');
    participant.destroy();
    other.destroy();
  });

  it('undoes text growing past MAX_TEXT_LENGTH, but not text within it or deletions', async () => {
    const board = await createBoard(server);
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const other = await connectSynced(server, board.id, board.tokens.participant);
    const item = new Y.Map<unknown>();
    participant.doc.getMap('items').set('card', item);
    const text = new Y.Text('a'.repeat(MAX_TEXT_LENGTH - 5));
    item.set('text', text);
    await waitFor(() => other.doc.getMap('items').has('card'), 'card relayed');
    text.insert(0, 'b'.repeat(10));
    await participant.roundTrip();
    await waitFor(() => text.length === MAX_TEXT_LENGTH - 5, 'insert undone');
    expect(participant.denied).toEqual([
      `a text is at most ${MAX_TEXT_LENGTH} characters; your edit was undone`,
    ]);
    text.insert(0, 'c'.repeat(5));
    text.delete(10, 3);
    const otherText = () => (other.doc.getMap('items').get('card') as Y.Map<unknown>).get('text') as Y.Text;
    await waitFor(() => otherText().length === MAX_TEXT_LENGTH - 3, 'edits within the bound relayed');
    // A new card carrying an over-long text is refused whole.
    const big = new Y.Map<unknown>();
    participant.doc.getMap('items').set('big', big);
    big.set('text', new Y.Text('z'.repeat(MAX_TEXT_LENGTH + 1)));
    await participant.roundTrip();
    await waitFor(
      () => !participant.doc.getMap('items').has('big') || big.get('text') === undefined,
      'undone',
    );
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    const freshBig = fresh.doc.getMap('items').get('big') as Y.Map<unknown> | undefined;
    expect(freshBig?.get('text')).toBeUndefined();
    expect(((fresh.doc.getMap('items').get('card') as Y.Map<unknown>).get('text') as Y.Text).length).toBe(
      MAX_TEXT_LENGTH - 3,
    );
    for (const c of [participant, other, fresh]) c.destroy();
  });

  it('undoes oversized plain fields and keys', async () => {
    const board = await createBoard(server);
    const facilitator = await connectSynced(server, board.id, board.tokens.facilitator);
    const items = facilitator.doc.getMap('items');
    items.set('k'.repeat(1_000), 1);
    await facilitator.roundTrip();
    items.set(
      'wide',
      Array.from({ length: 10_000 }, (_, i) => `mechanism-${i}`),
    );
    await facilitator.roundTrip();
    items.set('fine', ['energizing']);
    await facilitator.roundTrip();
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('items').toJSON()).toEqual({ fine: ['energizing'] });
    // Told once per kind of refusal, not once per write.
    expect(facilitator.denied).toEqual([
      `keys are at most ${MAX_KEY_LENGTH} characters; your edit was undone`,
    ]);
    facilitator.destroy();
    fresh.destroy();
  });
});

describe('document size cap', () => {
  it('refuses a write past MAX_DOC_BYTES with a clear message; deleting makes room again', async () => {
    const board = await createBoard(server);
    const participant = await connectSynced(server, board.id, board.tokens.participant);
    const other = await connectSynced(server, board.id, board.tokens.facilitator);
    const items = participant.doc.getMap('items');
    const card = (i: number) => {
      const map = new Y.Map<unknown>();
      items.set(`card-${i}`, map);
      map.set('text', new Y.Text(`${i}`.padEnd(9_000, '.')));
    };
    let written = 0;
    while (participant.denied.length === 0 && written < 100) {
      card(written++);
      await participant.roundTrip();
    }
    expect(participant.denied).toEqual([
      `the board is full: its document may hold at most ${MAX_DOC_BYTES} bytes; your edit was undone (deleting makes room)`,
    ]);
    // Roughly 28 cards of 9 kB fit in 256 KiB.
    expect(written).toBeGreaterThan(20);
    expect(written).toBeLessThan(40);
    const last = `card-${written - 1}`;
    await waitFor(
      () => (items.get(last) as Y.Map<unknown> | undefined)?.get('text') === undefined,
      'refused undone',
    );
    const kept = [...other.doc.getMap('items').keys()].length;
    expect(
      other.doc.getMap('items').has(last) &&
        (other.doc.getMap('items').get(last) as Y.Map<unknown>).get('text'),
    ).toBeFalsy();
    expect(await storedBytes(board.id)).toBeLessThan(MAX_DOC_BYTES + 64 * 1024);

    // Deleting is always allowed, and then there is room for a new card.
    for (let i = 0; i < 10; i++) items.delete(`card-${i}`);
    await participant.roundTrip();
    items.set('after', 'room again');
    await waitFor(() => other.doc.getMap('items').get('after') === 'room again', 'write after deleting');
    card(1_000);
    await waitFor(() => other.doc.getMap('items').has('card-1000'), 'a big card fits again');
    expect(kept).toBeGreaterThan(20);
    const fresh = await connectSynced(server, board.id, board.tokens.viewer);
    expect(Y.encodeStateAsUpdate(fresh.doc).byteLength).toBeLessThanOrEqual(MAX_DOC_BYTES);
    for (const c of [participant, other, fresh]) c.destroy();
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MalformedMessage } from './protocol';
import { applyJudged, applyReverted, hasNewContent } from './writes';

/** A server doc and a client doc in sync, the client about to edit. */
function pair() {
  const server = new Y.Doc();
  const item = new Y.Map<unknown>();
  server.getMap('items').set('keep', item);
  item.set('text', new Y.Text('hello'));
  server.getMap('meta').set('title', 'Board');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** Runs `edit` on the client and returns the update it produced. */
function edit(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

describe('applyReverted', () => {
  it('undoes inserts, overwrites, deletes and text edits, and keeps the chain whole', () => {
    const { server, client } = pair();
    const update = edit(client, (doc) => {
      doc.getMap('items').set('new', 1);
      doc.getMap('meta').set('title', 'Hijacked');
      ((doc.getMap('items').get('keep') as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'oh ');
      doc.getMap('items').delete('keep');
    });
    const before = server.getMap('items').toJSON();
    expect(applyReverted(server, update, 'origin')).toBe(true);
    expect(server.getMap('items').toJSON()).toEqual(before);
    expect(server.getMap('meta').get('title')).toBe('Board');
    // The client's edits are integrated (as undone), so its next edit applies at once.
    expect(Y.getState(server.store, client.clientID)).toBe(Y.getState(client.store, client.clientID));
    const next = edit(client, (doc) => doc.getMap('items').set('after', 2));
    Y.applyUpdate(server, next);
    expect(server.getMap('items').get('after')).toBe(2);
    expect(server.getMap('items').has('new')).toBe(false);
  });

  it('reports false for an update with nothing new', () => {
    const { server } = pair();
    expect(applyReverted(server, Y.encodeStateAsUpdate(server), 'origin')).toBe(false);
  });

  it('throws MalformedMessage for an unreadable update', () => {
    expect(() => applyReverted(new Y.Doc(), Uint8Array.from([5, 1, 2]), 'origin')).toThrow(MalformedMessage);
  });
});

describe('hasNewContent', () => {
  it('is false for what the document already has, true for new structs or deletions', () => {
    const { server, client } = pair();
    expect(hasNewContent(server, Y.encodeStateAsUpdate(client))).toBe(false);
    expect(hasNewContent(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(false);
    const insert = edit(client, (doc) => doc.getMap('items').set('x', 1));
    expect(hasNewContent(server, insert)).toBe(true);
    Y.applyUpdate(server, insert);
    const deletion = edit(client, (doc) => doc.getMap('items').delete('x'));
    expect(hasNewContent(server, deletion)).toBe(true);
    Y.applyUpdate(server, deletion);
    expect(hasNewContent(server, Y.encodeStateAsUpdate(client))).toBe(false);
  });
});

describe('applyJudged', () => {
  it('garbage-collects what it refused, so the state does not keep the refused bytes', () => {
    const { server, client } = pair();
    const update = edit(client, (doc) => doc.getMap('meta').set('title', 'x'.repeat(1_000_000)));
    const result = applyJudged(server, update, 'origin', { during: () => 'too long' });
    expect(result).toEqual({ refused: 'too long', reverted: true });
    expect(server.getMap('meta').get('title')).toBe('Board');
    expect(Y.encodeStateAsUpdate(server).byteLength).toBeLessThan(1_000);
  });

  it('garbage-collects what an accepted write deleted, as Yjs would without the judge', () => {
    const { server, client } = pair();
    const big = edit(client, (doc) => doc.getMap('meta').set('title', 'y'.repeat(100_000)));
    expect(applyJudged(server, big, 'origin', {}).refused).toBeNull();
    const rename = edit(client, (doc) => doc.getMap('meta').set('title', 'Short'));
    applyJudged(server, rename, 'origin', { after: () => null });
    expect(server.getMap('meta').get('title')).toBe('Short');
    expect(Y.encodeStateAsUpdate(server).byteLength).toBeLessThan(1_000);
  });

  it('hands the judge the bytes the write emitted', () => {
    const { server, client } = pair();
    const update = edit(client, (doc) => doc.getMap('items').set('n', 'z'.repeat(5_000)));
    let seen = 0;
    applyJudged(server, update, 'origin', { after: (_tr, bytes) => ((seen = bytes), null) });
    expect(seen).toBeGreaterThan(5_000);
  });
});

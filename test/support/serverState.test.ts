/** `covers` (what tests and the soak call "acknowledged") sees insertions and deletions alike. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { covers } from './serverState';

/** A replica of `doc` with its own client id. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('covers', () => {
  it('holds for the same state and fails for a missing insertion or deletion', () => {
    const server = new Y.Doc();
    server.getMap('items').set('a', 1);
    server.getMap('items').set('b', 2);
    const local = replica(server);
    expect(covers(Y.encodeStateAsUpdate(server), local)).toBe(true);

    local.getMap('items').set('c', 3);
    expect(covers(Y.encodeStateAsUpdate(server), local)).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(covers(Y.encodeStateAsUpdate(server), local)).toBe(true);

    // A deletion leaves the state vector as it was; only the delete set tells.
    local.getMap('items').delete('a');
    expect(covers(Y.encodeStateAsUpdate(server), local)).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(covers(Y.encodeStateAsUpdate(server), local)).toBe(true);
  });

  it('fails when the server holds only later updates whose dependencies it lacks', () => {
    const writer = new Y.Doc();
    writer.getText('t').insert(0, 'first');
    const before = Y.encodeStateVector(writer);
    writer.getText('t').insert(5, ' second');
    // The server somehow got only the second insertion: it waits there as pending, not applied.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, before));
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(writer));
    expect(covers(Y.encodeStateAsUpdate(server), local)).toBe(false);
  });
});

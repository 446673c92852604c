import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MalformedMessage } from './protocol';
import { missingDependency } from './updateDeps';

/** The updates `edit` makes on `doc`, one per transaction. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  edit();
  doc.off('update', record);
  return updates;
}

describe('missingDependency', () => {
  it('passes an update that continues what the document has', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const [first, second] = updatesOf(client, () => {
      client.getMap('items').set('a', 1);
      client.getText('t').insert(0, 'hello');
    });
    expect(missingDependency(server, first!)).toBeNull();
    Y.applyUpdate(server, first!);
    expect(missingDependency(server, second!)).toBeNull();
  });

  it('names a gap in the client’s own clock', () => {
    const client = new Y.Doc();
    const [, second] = updatesOf(client, () => {
      client.getMap('items').set('a', 1);
      client.getMap('items').set('b', 2);
    });
    expect(missingDependency(new Y.Doc(), second!)).toMatch(/from clock 1, document has 0/);
  });

  it('names an origin from another client the document lacks', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    alice.getText('t').insert(0, 'abc');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const [edit] = updatesOf(bob, () => bob.getText('t').insert(1, 'X'));
    expect(missingDependency(new Y.Doc(), edit!)).toMatch(/origin/);
  });

  it('names a deletion of something the document lacks', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    alice.getText('t').insert(0, 'abc');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const [deletion] = updatesOf(bob, () => bob.getText('t').delete(0, 1));
    expect(missingDependency(new Y.Doc(), deletion!)).toMatch(/deletion/);
  });

  it('passes a merged update whose parts depend on each other', () => {
    const client = new Y.Doc();
    const updates = updatesOf(client, () => {
      client.getMap('items').set('a', 1);
      client.getMap('items').set('b', 2);
    });
    expect(missingDependency(new Y.Doc(), Y.mergeUpdates(updates))).toBeNull();
  });

  it('throws MalformedMessage for an unreadable update', () => {
    expect(() => missingDependency(new Y.Doc(), Uint8Array.from([5, 1, 2]))).toThrow(MalformedMessage);
  });
});

import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  MalformedMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  parseMessage,
} from './protocol';

describe('protocol', () => {
  it('parses what it encodes', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(parseMessage(encodeSyncStep1(doc))).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    });
    expect(parseMessage(encodeSyncStep2(doc, new Uint8Array([0])))).toEqual({ type: 'syncStep2', update });
    expect(parseMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    expect(parseMessage(encodeAwareness(Uint8Array.from([0])))).toEqual({
      type: 'awareness',
      update: Uint8Array.from([0]),
    });
    expect(parseMessage(Uint8Array.from([3]))).toEqual({ type: 'queryAwareness' });
    expect(parseMessage(encodePermissionDenied('no'))).toEqual({ type: 'auth' });
  });

  it('writes the auth permission-denied message y-websocket reads', () => {
    const decoder = decoding.createDecoder(encodePermissionDenied('viewers cannot edit'));
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([2, 0]);
    expect(decoding.readVarString(decoder)).toBe('viewers cannot edit');
  });

  it.each([
    [[]],
    [[9]],
    [[0, 3, 0]],
    [[0, 2, 10, 1]],
    [[1]],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
  ])('refuses %j', (bytes) => expect(() => parseMessage(Uint8Array.from(bytes))).toThrow(MalformedMessage));

  it('refuses a state vector it cannot read', () => {
    expect(() => encodeSyncStep2(new Y.Doc(), Uint8Array.from([3, 200]))).toThrow(MalformedMessage);
  });
});

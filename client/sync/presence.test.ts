import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readPeers } from './presence';

function peerWith(viewport: unknown) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({
    user: { id: 'u1', name: 'Fien', colour: '#0ca678', role: 'facilitator' },
    cursor: null,
    selection: [],
    viewport,
  });
  return readPeers(awareness)[0];
}

describe('presence viewport', () => {
  it('reads a valid viewport', () => {
    expect(peerWith({ x: 10, y: -20, zoom: 0.5 })?.viewport).toEqual({ x: 10, y: -20, zoom: 0.5 });
  });

  it.each([
    ['NaN', { x: Number.NaN, y: 0, zoom: 1 }],
    ['a huge coordinate', { x: 1e12, y: 0, zoom: 1 }],
    ['a zoom past the editor’s limits', { x: 0, y: 0, zoom: 1000 }],
    ['a zero zoom', { x: 0, y: 0, zoom: 0 }],
    ['a string', 'here'],
    ['a missing field', { x: 0, y: 0 }],
  ])('reads %s as no viewport, keeping the person', (_, viewport) => {
    const peer = peerWith(viewport);
    expect(peer?.name).toBe('Fien');
    expect(peer?.viewport).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, setText } from './commands';
import { readBoard } from './readBoard';
import { toWellFormed } from './wellFormed';

describe('toWellFormed', () => {
  it('replaces lone surrogates and keeps pairs', () => {
    expect(toWellFormed('a\ud83db')).toBe('a\ufffdb');
    expect(toWellFormed('a\udca7')).toBe('a\ufffd');
    expect(toWellFormed('💧 water')).toBe('💧 water');
    expect(toWellFormed('\udca7\ud83d')).toBe('\ufffd\ufffd');
  });

  it('is why half an emoji typed locally reads the same on another replica', () => {
    const a = new Y.Doc();
    const id = createItem(a, { kind: 'note', x: 0, y: 0, text: '💧' });
    setText(a, id, 'x\ud83d');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoard(a).items).toEqual(readBoard(b).items);
    expect(readBoard(b).items[0]?.text).toBe('x\ufffd');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, setText } from '../../shared/commands';
import { openTextSession, transformIndex } from './textSession';

describe('transformIndex', () => {
  it('moves a caret past text inserted before it, not at it', () => {
    expect(transformIndex([{ insert: 'ab' }], 3)).toBe(5);
    expect(transformIndex([{ retain: 3 }, { insert: 'ab' }], 3)).toBe(3);
    expect(transformIndex([{ retain: 5 }, { insert: 'ab' }], 3)).toBe(3);
  });

  it('pulls a caret back over deleted text, and into a deletion that covers it', () => {
    expect(transformIndex([{ delete: 2 }], 5)).toBe(3);
    expect(transformIndex([{ retain: 2 }, { delete: 5 }], 4)).toBe(2);
    expect(transformIndex([{ retain: 6 }, { delete: 2 }], 4)).toBe(4);
  });
});

describe('openTextSession', () => {
  it('writes local input and reports only others’ edits, with the caret mapped', () => {
    const doc = new Y.Doc();
    const me = { me: true };
    const id = createItem(doc, { kind: 'note', x: 0, y: 0, text: 'water' });
    const session = openTextSession(doc, id, me);
    if (!session) throw new Error('no session');
    const seen: [string, number][] = [];
    session.onRemoteChange((value, map) => seen.push([value, map(5)]));
    session.input('water!');
    expect(seen).toEqual([]);
    setText(doc, id, 'Schoon water!', { other: true });
    expect(seen).toEqual([['Schoon water!', 12]]);
    session.close();
    setText(doc, id, 'x', { other: true });
    expect(seen).toHaveLength(1);
  });
});

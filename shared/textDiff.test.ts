import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff } from './textDiff';

function textOf(initial: string): Y.Text {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  return text;
}

describe('applyTextDiff', () => {
  it.each([
    ['', 'nieuw'],
    ['oud', ''],
    ['water vasthouden', 'water langer vasthouden'],
    ['abcabc', 'abc'],
    ['aaaa', 'aaaaa'],
    ['💧💧', '💧💦💧'],
    ['x💧', 'x💦'],
    ['same', 'same'],
  ])('turns %j into %j', (from, to) => {
    const text = textOf(from);
    applyTextDiff(text, to);
    expect(text.toString()).toBe(to);
  });

  it('changes only the middle, so a concurrent edit at the end survives', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'begin midden eind');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextDiff(a.getText('t'), 'begin MIDDEN eind');
    b.getText('t').insert(17, '!');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(a.getText('t').toString()).toBe('begin MIDDEN eind!');
  });
});

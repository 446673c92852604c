import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem } from '../../shared/commands';
import { readBoard } from '../../shared/readBoard';
import { voteKey } from '../../shared/ydoc';
import { ranking } from './VoteRanking';

describe('vote ranking', () => {
  it('adds every person’s dots per item and puts the most first', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['A', 'B', 'C'].map((text) => createItem(doc, { kind: 'smallWin', x: 0, y: 0, text }));
    const votes = doc.getMap('votes');
    votes.set(voteKey(a!, 'u1'), 1);
    votes.set(voteKey(b!, 'u1'), 1);
    votes.set(voteKey(b!, 'u2'), 2);
    votes.set(voteKey(c!, 'u2'), 2);
    expect(ranking(readBoard(doc))).toEqual([
      { itemId: b, dots: 3 },
      { itemId: c, dots: 2 },
      { itemId: a, dots: 1 },
    ]);
  });
});

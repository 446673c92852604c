import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../links/registry';
import { keystones } from './keystones';
import { findPaths } from './paths';
import { ambition, completeDag, diamond, link, testBoard, win } from './testBoards';

const of = (board: Parameters<typeof keystones>[0], ambitionId = 'goal') =>
  keystones(board).find((k) => k.ambitionId === ambitionId)?.winIds;

describe('keystones', () => {
  it('lists every win of a single chain', () => {
    const board = testBoard(
      [win('a'), win('b'), win('c'), ambition('goal')],
      [link('spreads', 'a', 'b'), link('enables', 'b', 'c'), link('contributes', 'c', 'goal')],
    );
    expect(of(board)).toEqual(['a', 'b', 'c']);
  });

  it('lists the two ends of a diamond but neither side', () => {
    expect(of(diamond())).toEqual(['a', 'd']);
  });

  it('lists the win two starts funnel through, and not a win that bypasses it', () => {
    const board = testBoard(
      [win('s1'), win('s2'), win('hub'), win('m'), win('side'), ambition('goal'), ambition('two')],
      [
        link('enables', 's1', 'hub'),
        link('spreads', 's2', 'hub'),
        link('deepens', 'hub', 'm'),
        link('contributes', 'm', 'goal'),
        link('contributes', 'side', 'two'),
        link('contributes', 'hub', 'two'),
      ],
    );
    expect(keystones(board)).toEqual([
      { ambitionId: 'goal', winIds: ['hub', 'm'] },
      { ambitionId: 'two', winIds: [] },
    ]);
  });

  it('gives an ambition no win feeds no keystones', () => {
    expect(of(testBoard([win('a'), ambition('goal')]))).toEqual([]);
  });

  it('lists the win a cycle funnels through', () => {
    const board = testBoard(
      [win('a'), win('b'), win('x'), ambition('goal')],
      [
        link('spreads', 'a', 'b'),
        link('spreads', 'b', 'a'),
        link('enables', 'x', 'b'),
        link('contributes', 'b', 'goal'),
      ],
    );
    // Paths: x b and a b. The start x does not start every path, so only b.
    expect(findPaths(board).paths.map((p) => p.winIds.join(' '))).toEqual(['a b', 'x b']);
    expect(of(board)).toEqual(['b']);
  });

  it('does not depend on the path cap: a complete DAG of 30 wins has two keystones', () => {
    const board = completeDag(30);
    expect(findPaths(board).truncated).toBe(true);
    expect(of(board)).toEqual(['w00', 'w29']);
  });

  it('on random acyclic boards, equals the wins on every listed path; with cycles, a subset', () => {
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const acyclic = round % 2 === 0;
      const n = 3 + Math.floor(random() * 6);
      const ids = Array.from({ length: n }, (_, i) => `w${i}`);
      const links = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j || (acyclic && j < i) || random() > 0.3) continue;
          const kind: LinkKind = random() < 0.5 ? 'enables' : 'spreads';
          links.push(link(kind, `w${i}`, `w${j}`));
        }
      for (const id of ids) if (random() < 0.3) links.push(link('contributes', id, 'goal'));
      const board = testBoard([...ids.map((id) => win(id)), ambition('goal')], links);
      const paths = findPaths(board).paths;
      const onAll = ids.filter((id) => paths.length > 0 && paths.every((p) => p.winIds.includes(id)));
      const found = of(board) ?? [];
      const context = `round ${round}: ${JSON.stringify(links.map((l) => l.id))}`;
      if (acyclic) expect(found, context).toEqual(onAll);
      else expect(onAll, context).toEqual(expect.arrayContaining([...found]));
    }
  });
});

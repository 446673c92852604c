import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PATHS, findPaths } from './paths';
import { ambition, completeDag, diamond, link, testBoard, win } from './testBoards';

const chains = (board: Parameters<typeof findPaths>[0], options = {}) =>
  findPaths(board, options).paths.map((p) => `${p.winIds.join(' ')} → ${p.ambitionId}`);

describe('findPaths', () => {
  it('follows a chain of path links into a contributes link, listing it once, not per tail', () => {
    const board = testBoard(
      [win('a'), win('b'), win('c'), ambition('goal')],
      [link('spreads', 'a', 'b'), link('deepens', 'b', 'c'), link('contributes', 'c', 'goal')],
    );
    const { paths, truncated } = findPaths(board);
    expect(truncated).toBe(false);
    expect(paths).toEqual([
      { ambitionId: 'goal', winIds: ['a', 'b', 'c'], linkIds: ['a>b', 'b>c', 'c>goal'] },
    ]);
    expect(Object.isFrozen(paths[0])).toBe(true);
  });

  it('counts a win that contributes directly as a path of one win', () => {
    const board = testBoard([win('a'), ambition('goal')], [link('contributes', 'a', 'goal')]);
    expect(chains(board)).toEqual(['a → goal']);
  });

  it('lists both sides of a diamond', () => {
    expect(chains(diamond())).toEqual(['a b d → goal', 'a c d → goal']);
  });

  it('walks a cycle once: simple paths only, starting wherever going back would repeat a win', () => {
    const board = testBoard(
      [win('a'), win('b'), win('c'), ambition('goal')],
      [
        link('spreads', 'a', 'b'),
        link('spreads', 'b', 'c'),
        link('spreads', 'c', 'a'),
        link('contributes', 'c', 'goal'),
      ],
    );
    expect(chains(board)).toEqual(['a b c → goal']);
  });

  it('lists a win feeding two ambitions on a path to each', () => {
    const board = testBoard(
      [win('a'), win('b'), ambition('g1'), ambition('g2')],
      [link('enables', 'a', 'b'), link('contributes', 'b', 'g1'), link('contributes', 'b', 'g2')],
    );
    expect(chains(board)).toEqual(['a b → g1', 'a b → g2']);
  });

  it('keeps disconnected parts apart and ignores links that are not on paths', () => {
    const board = testBoard(
      [win('a'), win('b'), win('x'), win('y'), ambition('g1'), ambition('g2'), ambition('lonely')],
      [
        link('contributes', 'a', 'g1'),
        link('enables', 'x', 'y'),
        link('contributes', 'y', 'g2'),
        link('spreads', 'b', 'a'),
      ],
    );
    expect(chains(board)).toEqual(['b a → g1', 'x y → g2']);
  });

  it('makes parallel links separate paths, since they can differ in kind and label', () => {
    const board = testBoard(
      [win('a'), win('b'), ambition('goal')],
      [link('spreads', 'a', 'b', 's'), link('deepens', 'a', 'b', 'd'), link('contributes', 'b', 'goal', 'c')],
    );
    expect(findPaths(board).paths.map((p) => p.linkIds)).toEqual([
      ['d', 'c'],
      ['s', 'c'],
    ]);
  });

  // How fast it stops is measured in test/bench/analysis.bench.ts, not asserted here.
  it('caps a complete DAG of 30 wins (2^28 paths) at the path limit and says so', () => {
    const board = completeDag(30);
    const result = findPaths(board);
    expect(result.truncated).toBe(true);
    expect(result.paths).toHaveLength(DEFAULT_MAX_PATHS);
    expect(result.truncatedAmbitionIds).toEqual(['goal']);
    for (const path of result.paths) expect(path.winIds.at(-1)).toBe('w29');
    expect(findPaths(board, { maxPaths: 10 }).paths).toHaveLength(10);
  });

  it('stops on the step budget even when few paths are wanted', () => {
    const result = findPaths(completeDag(30), { maxPaths: 1_000_000, maxSteps: 5_000 });
    expect(result.truncated).toBe(true);
  });

  it('is not truncated when the cap equals the number of paths', () => {
    const board = completeDag(6); // 2^4 = 16 paths from w00 to w05
    expect(findPaths(board).paths).toHaveLength(16);
    expect(findPaths(board, { maxPaths: 16 }).truncated).toBe(false);
    expect(findPaths(board, { maxPaths: 15 }).truncated).toBe(true);
  });

  it('shares the budget out so a dense ambition does not starve the others', () => {
    const dense = completeDag(20);
    const board = testBoard(
      [
        ...dense.items.map((item) => ({ ...item })),
        win('z', { at: [0, 900] }),
        ambition('zz-other', [400, 900]),
      ],
      [...dense.links, link('contributes', 'z', 'zz-other')],
    );
    const result = findPaths(board, { maxPaths: 50 });
    expect(result.truncatedAmbitionIds).toEqual(['goal']);
    expect(chains(board, { maxPaths: 50 })).toContain('z → zz-other');
    expect(result.paths).toHaveLength(50);
  });

  it('walks a chain of 5,000 wins without overflowing the stack', () => {
    const n = 5000;
    const wins = Array.from({ length: n }, (_, i) =>
      win(`w${i}`, { at: [(i % 100) * 300, Math.floor(i / 100) * 200] }),
    );
    const links = wins.slice(1).map((w, i) => link('enables', `w${i}`, w.id));
    const board = testBoard(
      [...wins, ambition('goal', [0, -400])],
      [...links, link('contributes', `w${n - 1}`, 'goal')],
    );
    const { paths } = findPaths(board);
    expect(paths).toHaveLength(1);
    expect(paths[0]?.winIds).toHaveLength(n);
  });

  it('orders paths by ambition, then wins, whatever order the links were written in', () => {
    const items = [win('b'), win('a'), ambition('g2'), ambition('g1')];
    const links = [
      link('contributes', 'b', 'g2'),
      link('contributes', 'a', 'g1'),
      link('contributes', 'b', 'g1'),
    ];
    expect(chains(testBoard(items, links))).toEqual(['a → g1', 'b → g1', 'b → g2']);
    expect(chains(testBoard([...items].reverse(), [...links].reverse()))).toEqual(
      chains(testBoard(items, links)),
    );
  });
});

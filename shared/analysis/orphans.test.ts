import { describe, expect, it } from 'vitest';
import { findOrphans } from './orphans';
import { ambition, completeDag, link, testBoard, win } from './testBoards';

describe('findOrphans', () => {
  it('finds wins with no path to an ambition and ambitions no win feeds', () => {
    const board = testBoard(
      [win('a'), win('b'), win('c'), win('lone'), win('dead-end'), ambition('goal'), ambition('unfed')],
      [
        link('spreads', 'a', 'b'),
        link('contributes', 'b', 'goal'),
        link('enables', 'c', 'a'),
        link('broadens', 'b', 'dead-end'),
      ],
    );
    expect(findOrphans(board)).toEqual({ orphanWinIds: ['dead-end', 'lone'], unfedAmbitionIds: ['unfed'] });
  });

  it('does not count a win as fed because it sits on a cycle next to a path', () => {
    const board = testBoard(
      [win('a'), win('b'), win('x'), win('y'), ambition('goal')],
      [
        link('spreads', 'x', 'y'),
        link('spreads', 'y', 'x'),
        link('enables', 'a', 'x'),
        link('enables', 'b', 'a'),
        link('contributes', 'b', 'goal'),
      ],
    );
    expect(findOrphans(board).orphanWinIds).toEqual(['a', 'x', 'y']);
  });

  it('is exact on a graph whose paths are far too many to list', () => {
    expect(findOrphans(completeDag(30))).toEqual({ orphanWinIds: [], unfedAmbitionIds: [] });
  });

  it('reports an empty board as having no orphans', () => {
    expect(findOrphans(testBoard([]))).toEqual({ orphanWinIds: [], unfedAmbitionIds: [] });
  });
});

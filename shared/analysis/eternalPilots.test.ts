import { describe, expect, it } from 'vitest';
import { eternalPilots } from './eternalPilots';
import { ambition, link, testBoard, win } from './testBoards';

describe('eternalPilots', () => {
  it('flags a win that spreads and nothing onward ever deepens', () => {
    const board = testBoard(
      [win('pilot'), win('copy'), win('copy2'), ambition('goal')],
      [
        link('spreads', 'pilot', 'copy'),
        link('spreads', 'copy', 'copy2'),
        link('contributes', 'copy2', 'goal'),
      ],
    );
    expect(eternalPilots(board)).toEqual(['copy', 'pilot']);
  });

  it('clears a win whose spread, or a win further on, deepens', () => {
    const board = testBoard(
      [win('a'), win('b'), win('c'), win('d'), win('e')],
      [
        link('spreads', 'a', 'b'),
        link('broadens', 'b', 'c'),
        link('deepens', 'c', 'd'),
        link('spreads', 'e', 'a'),
      ],
    );
    expect(eternalPilots(board)).toEqual([]);
  });

  it('does not count a deepens link into the win, only onward from it', () => {
    const board = testBoard(
      [win('origin'), win('embedded'), win('copy')],
      [link('deepens', 'origin', 'embedded'), link('spreads', 'embedded', 'copy')],
    );
    expect(eternalPilots(board)).toEqual(['embedded']);
  });

  it('handles cycles: wins spreading to each other deepen when any of them does', () => {
    const spreadingOnly = testBoard(
      [win('a'), win('b')],
      [link('spreads', 'a', 'b'), link('spreads', 'b', 'a')],
    );
    expect(eternalPilots(spreadingOnly)).toEqual(['a', 'b']);
    const oneDeepens = testBoard(
      [win('a'), win('b'), win('law')],
      [link('spreads', 'a', 'b'), link('spreads', 'b', 'a'), link('deepens', 'b', 'law')],
    );
    expect(eternalPilots(oneDeepens)).toEqual([]);
  });

  it('ignores wins that never spread', () => {
    const board = testBoard([win('a'), win('b')], [link('enables', 'a', 'b')]);
    expect(eternalPilots(board)).toEqual([]);
  });
});

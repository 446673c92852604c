import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../mechanisms';
import { mechanismCoverage } from './coverage';
import { ambition, intervention, link, testBoard, win } from './testBoards';

describe('mechanismCoverage', () => {
  const board = testBoard(
    [
      win('a', { mechanisms: ['energizing', 'connecting'] }),
      win('b', { mechanisms: ['experimenting'] }),
      win('shared', { mechanisms: ['bandwagon'] }),
      win('stray', { mechanisms: ['robustness'] }),
      intervention('i-do', 'attraction'),
      intervention('i-dont', 'robustness', 'dont'),
      intervention('i-stray', 'robustness'),
      ambition('goal'),
      ambition('other'),
      ambition('unfed'),
    ],
    [
      link('spreads', 'a', 'b'),
      link('enables', 'shared', 'b'),
      link('contributes', 'b', 'goal'),
      link('contributes', 'shared', 'other'),
      link('propels', 'i-do', 'a'),
      link('propels', 'i-dont', 'b'),
      link('propels', 'i-stray', 'stray'),
    ],
  );
  const rows = mechanismCoverage(board);
  const row = (id: string) => rows.find((r) => r.ambitionId === id)!;

  it('gives one row per ambition, sorted, each with the six mechanisms in grid order', () => {
    expect(rows.map((r) => r.ambitionId)).toEqual(['goal', 'other', 'unfed']);
    expect(row('goal').cells.map((c) => c.mechanism)).toEqual(MECHANISMS);
  });

  it('counts the mechanisms of every win on the paths and of the do interventions propelling them', () => {
    const goal = row('goal');
    expect(goal.winIds).toEqual(['a', 'b', 'shared']);
    expect(goal.cells.filter((c) => c.active).map((c) => [c.mechanism, c.winIds, c.interventionIds])).toEqual(
      [
        ['energizing', ['a'], []],
        ['experimenting', ['b'], []],
        ['attraction', [], ['i-do']],
        ['bandwagon', ['shared'], []],
        ['connecting', ['a'], []],
      ],
    );
  });

  it("does not count a don't, lists it apart, and warns of eternal pilots when robustness is missing", () => {
    const goal = row('goal');
    expect(goal.missing).toEqual(['robustness']);
    expect(goal.counterproductiveInterventionIds).toEqual(['i-dont']);
    expect(goal.eternalPilotWarning).toBe(true);
  });

  it('counts a win that feeds two ambitions in both rows, and nothing off the paths', () => {
    const other = row('other');
    expect(other.winIds).toEqual(['shared']);
    expect(other.missing).toEqual(['energizing', 'experimenting', 'attraction', 'connecting', 'robustness']);
    expect(row('goal').cells.find((c) => c.mechanism === 'bandwagon')?.winIds).toEqual(['shared']);
  });

  it('reports an unfed ambition as missing everything but without the pilot warning', () => {
    expect(row('unfed')).toMatchObject({ winIds: [], eternalPilotWarning: false });
    expect(row('unfed').missing).toHaveLength(6);
  });

  it('lifts the warning when a do intervention on robustness propels a win on the path', () => {
    const robust = testBoard(
      [win('a'), intervention('embed', 'robustness'), ambition('goal')],
      [link('contributes', 'a', 'goal'), link('propels', 'embed', 'a')],
    );
    expect(mechanismCoverage(robust)[0]).toMatchObject({ eternalPilotWarning: false });
    expect(mechanismCoverage(robust)[0]?.missing).not.toContain('robustness');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoardJson, type BoardJson } from '../boardJson';
import { readBoard } from '../readBoard';
import { analyseBoard } from './analyseBoard';
import { completeDag } from './testBoards';

const rivierenland: BoardJson = JSON.parse(
  readFileSync(new URL('../../test/fixtures/rivierenland.json', import.meta.url), 'utf8'),
);

/** The example board, optionally without some of its links. */
function load(withoutLinks: string[] = []) {
  const doc = new Y.Doc();
  loadBoardJson(doc, {
    ...rivierenland,
    links: rivierenland.links.filter((l) => !withoutLinks.includes(l.id)),
  });
  return readBoard(doc);
}

describe('analyseBoard on the Rivierenland example', () => {
  const analysis = analyseBoard(load());

  it('finds the paths from harvested wins to the two ambitions', () => {
    expect(analysis.pathsTruncated).toBe(false);
    expect(analysis.paths.map((p) => `${p.ambitionId}: ${p.winIds.join(' → ')}`)).toEqual([
      'amb-2050: sw-bodemdata → sw-peilbesluit → sw-berging',
      'amb-2050: sw-loket → sw-berging',
      'amb-2050: sw-maasheggen',
      'amb-2050: sw-stuwtjes → sw-peilbesluit → sw-berging',
      'amb-bodem: sw-bodemdata → sw-teelt',
      'amb-bodem: sw-stuwtjes → sw-kring',
    ]);
    expect(analysis.paths[3]?.linkIds).toEqual(['l2', 'l3', 'l6']);
  });

  it('finds the school day as the only orphan, and both ambitions fed', () => {
    expect(analysis.orphans).toEqual({ orphanWinIds: ['sw-orphan'], unfedAmbitionIds: [] });
  });

  it('sees the broadening from farm to polder cross the agriculture ↔ water management line', () => {
    const crossings = new Map(analysis.linkCrossings.map((c) => [c.linkId, c.markerIds]));
    expect(crossings.get('l2')).toEqual(['bm-domein']);
    expect(crossings.get('l4')).toEqual(['bm-domein']);
    expect(crossings.get('l3')).toBeUndefined(); // the deepening stays inside water management
    expect(crossings.get('l13')).toEqual(['bm-afstand']); // farmers meet LTO across the distance
    const [viaPolder] = analysis.paths;
    expect(viaPolder?.boundaries.markers.map((m) => [m.markerId, m.boundaryType, m.dimension])).toEqual([
      ['bm-domein', 'cognitive', 'policyDomain'],
      ['bm-sfeer', 'social', 'sphere'],
    ]);
    // Both ambitions lie across the public ↔ private line, so no path stays inside one configuration.
    expect(analysis.paths.filter((p) => p.boundaries.crossesNone)).toEqual([]);
  });

  it('warns that nothing embeds the soil ambition in policy, and counts no pilot-again don’t', () => {
    const row = (id: string) => analysis.coverage.find((c) => c.ambitionId === id)!;
    expect(row('amb-bodem').missing).toEqual(['robustness']);
    expect(row('amb-bodem').eternalPilotWarning).toBe(true);
    expect(row('amb-2050').missing).toEqual(['bandwagon']);
    expect(row('amb-2050').eternalPilotWarning).toBe(false);
    expect(row('amb-2050').counterproductiveInterventionIds).toEqual(['int-pilot']);
    expect(row('amb-bodem').cells.find((c) => c.mechanism === 'experimenting')?.interventionIds).toEqual([
      'int-ruimte',
    ]);
  });

  it('has no keystones while Maasheggen feeds 2050 on its own; without it, the storage plan is one', () => {
    expect(analysis.keystones.map((k) => k.winIds)).toEqual([[], []]);
    expect(analyseBoard(load(['l8'])).keystones[0]).toEqual({
      ambitionId: 'amb-2050',
      winIds: ['sw-berging'],
    });
  });

  it('has no eternal pilots: the weirs spread, and their polder route deepens into law', () => {
    expect(analysis.eternalPilotIds).toEqual([]);
    expect(analyseBoard(load(['l3'])).eternalPilotIds).toEqual(['sw-stuwtjes']);
  });

  it('is frozen and the same for every replica, whatever order the entries were written in', () => {
    expect(Object.isFrozen(analysis)).toBe(true);
    expect(Object.isFrozen(analysis.paths[0]?.boundaries.markers)).toBe(true);
    const doc = new Y.Doc();
    loadBoardJson(doc, {
      ...rivierenland,
      items: [...rivierenland.items].reverse(),
      links: [...rivierenland.links].reverse(),
    });
    expect(analyseBoard(readBoard(doc))).toEqual(analysis);
  });
});

describe('analyseBoard on a dense board', () => {
  it('caps the paths, says so, and keeps every other analysis exact', () => {
    const analysis = analyseBoard(completeDag(30), { maxPaths: 100 });
    expect(analysis.paths).toHaveLength(100);
    expect(analysis.pathsTruncated).toBe(true);
    expect(analysis.truncatedAmbitionIds).toEqual(['goal']);
    expect(analysis.keystones).toEqual([{ ambitionId: 'goal', winIds: ['w00', 'w29'] }]);
    expect(analysis.orphans.orphanWinIds).toEqual([]);
    expect(analysis.coverage[0]?.winIds).toHaveLength(30);
  });
});

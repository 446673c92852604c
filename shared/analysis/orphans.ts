/**
 * Orphans (DOMAIN.md "Analyses"): small wins with no path to any ambition, and ambitions no
 * win feeds. Reachability, not path enumeration, so the path cap never hides or invents one.
 *
 *   const { orphanWinIds, unfedAmbitionIds } = findOrphans(board);
 */
import type { BoardReadModel } from '../readBoard';
import { reachBackwards } from './feeders';
import { winGraph } from './winGraph';

/** Wins that reach no ambition and ambitions nothing reaches, each sorted by id. */
export interface Orphans {
  readonly orphanWinIds: readonly string[];
  readonly unfedAmbitionIds: readonly string[];
}

/** Finds the orphan wins and the ambitions no win feeds. */
export function findOrphans(board: BoardReadModel): Orphans {
  const graph = winGraph(board);
  // Every contributing win at once: one walk over the graph, whatever the number of ambitions.
  const contributors = graph.contributions.flatMap((edges) => edges.map((edge) => edge.other));
  const seen = new Int32Array(graph.wins.length).fill(-1);
  reachBackwards(graph, contributors, seen, 0);
  const orphanWinIds = graph.wins.filter((_, w) => seen[w] !== 0).map((win) => win.id);
  const unfedAmbitionIds = graph.ambitions
    .filter((_, a) => (graph.contributions[a]?.length ?? 0) === 0)
    .map((ambition) => ambition.id);
  return Object.freeze({
    orphanWinIds: Object.freeze(orphanWinIds),
    unfedAmbitionIds: Object.freeze(unfedAmbitionIds),
  });
}

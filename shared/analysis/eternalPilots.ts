/**
 * Eternal pilots (DOMAIN.md "Analyses"; the robustness don't "eternal pilots"): wins that
 * spread but never deepen. Precisely: a win with at least one outgoing spreads link from which
 * no deepens link can be reached — neither its own nor one leaving any win reachable from it
 * through path links (enables / spreads / broadens / deepens), whether or not that chain goes on
 * to an ambition. A practice that was copied elsewhere and got embedded in rules there has
 * deepened; one that was only copied and copied again has not.
 *
 *   eternalPilots(board); // ['sw-proef'], sorted by id
 */
import type { BoardReadModel } from '../readBoard';
import { winComponents } from './components';
import { winGraph } from './winGraph';

/** Ids of the wins that spread but never deepen onward, sorted. */
export function eternalPilots(board: BoardReadModel): readonly string[] {
  const graph = winGraph(board);
  const { componentOf, members } = winComponents(board);
  // Components come sinks first, so whatever a component reaches is settled before it.
  const deepens = new Uint8Array(members.length);
  for (const [c, wins] of members.entries()) {
    deepens[c] = wins.some((win) =>
      (graph.outEdges[win] ?? []).some(
        (edge) => edge.link.kind === 'deepens' || deepens[componentOf[edge.other] as number] === 1,
      ),
    )
      ? 1
      : 0;
  }
  const pilots = graph.wins.filter(
    (_, w) =>
      deepens[componentOf[w] as number] === 0 &&
      (graph.outEdges[w] ?? []).some((edge) => edge.link.kind === 'spreads'),
  );
  return Object.freeze(pilots.map((win) => win.id));
}

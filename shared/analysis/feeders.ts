/**
 * Which small wins feed which ambition: a win feeds an ambition when some chain of path links
 * leads from it to a win that contributes to the ambition. Plain reachability, so it is exact
 * however many paths there are (any walk contains a simple path), and it never depends on the
 * path cap.
 *
 *   feedingWins(board).get('amb-2050'); // ['sw-berging', 'sw-loket', …], sorted by id
 */
import type { BoardReadModel } from '../readBoard';
import { winGraph, type WinGraph } from './winGraph';

const cache = new WeakMap<BoardReadModel, readonly (readonly number[])[]>();

/** Per ambition id (every ambition, fed or not), the ids of the wins that feed it, sorted. */
export function feedingWins(board: BoardReadModel): ReadonlyMap<string, readonly string[]> {
  const graph = winGraph(board);
  const feeders = feedingWinIndices(board);
  return new Map(
    graph.ambitions.map((ambition, a) => [
      ambition.id,
      Object.freeze((feeders[a] ?? []).map((w) => graph.wins[w]?.id ?? '')),
    ]),
  );
}

/** Per ambition index, the indices of the wins that feed it, ascending (so in id order). Cached. */
export function feedingWinIndices(board: BoardReadModel): readonly (readonly number[])[] {
  let result = cache.get(board);
  if (!result) {
    const graph = winGraph(board);
    const seen = new Int32Array(graph.wins.length).fill(-1);
    result = graph.ambitions.map((_, a) => {
      const starts = (graph.contributions[a] ?? []).map((edge) => edge.other);
      return reachBackwards(graph, starts, seen, a).sort((x, y) => x - y);
    });
    cache.set(board, result);
  }
  return result;
}

/**
 * Win indices from which a path link chain leads to one of `starts` (the starts included), in
 * the order found. `seen[w] === mark` means visited in this search, so one array serves all
 * ambitions without clearing.
 */
export function reachBackwards(
  graph: WinGraph,
  starts: readonly number[],
  seen: Int32Array,
  mark: number,
): number[] {
  const found: number[] = [];
  for (const start of starts) {
    if (seen[start] === mark) continue;
    seen[start] = mark;
    found.push(start);
  }
  for (let i = 0; i < found.length; i++) {
    for (const edge of graph.inEdges[found[i] as number] ?? []) {
      if (seen[edge.other] === mark) continue;
      seen[edge.other] = mark;
      found.push(edge.other);
    }
  }
  return found;
}

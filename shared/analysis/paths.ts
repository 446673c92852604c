/**
 * Paths toward systemic change (DOMAIN.md "Analyses"): a path is a chain of distinct small wins
 * joined by enables / spreads / broadens / deepens links (each from → to), ending in a
 * contributes link into an ambition.
 *
 * Only *maximal* paths are listed: ones that cannot be extended at their start without
 * repeating a win. Every shorter path is a tail of a listed one, so listing the tails too would
 * only repeat the same links (a chain of ten wins would show ten times). Every win with a
 * path to an ambition lies on a listed path, so highlighting "the paths through X" loses nothing.
 * Parallel links (spreads and deepens between the same two wins) make separate paths.
 *
 * Dense graphs have exponentially many paths, so enumeration is capped by `maxPaths` and by
 * `maxSteps` (links examined); a capped result says `truncated: true`. The budget is shared out
 * over the ambitions in id order, so one dense ambition cannot starve the others.
 *
 *   const { paths, truncated } = findPaths(board, { maxPaths: 200 });
 */
import type { BoardReadModel } from '../readBoard';
import { compareIndex } from '../zOrder';
import { winGraph, type WinGraph } from './winGraph';

/** One path: its wins from the first to the one that contributes, and the links between them. */
export interface BoardPath {
  readonly ambitionId: string;
  /** Wins in path order; the last one contributes to the ambition. */
  readonly winIds: readonly string[];
  /** `linkIds[i]` joins `winIds[i]` to `winIds[i + 1]`; the last one is the contributes link. */
  readonly linkIds: readonly string[];
}

/** Limits on path enumeration. */
export interface PathOptions {
  /** Most paths listed in all (default 1,000). */
  readonly maxPaths?: number;
  /** Most links examined in all (default 200,000: a few milliseconds). */
  readonly maxSteps?: number;
}

/** Listed paths and whether the limits cut the list short. */
export interface PathsResult {
  /** Sorted by ambition id, then win ids, then link ids. */
  readonly paths: readonly BoardPath[];
  readonly truncated: boolean;
  /** Ambitions whose list was cut short, sorted by id. */
  readonly truncatedAmbitionIds: readonly string[];
}

/** Default for `PathOptions.maxPaths`: more than a facilitator reads, few enough to draw. */
export const DEFAULT_MAX_PATHS = 1000;
/** Default for `PathOptions.maxSteps`. */
export const DEFAULT_MAX_STEPS = 200_000;

/** Lists the maximal paths from small wins to ambitions, within the limits. */
export function findPaths(board: BoardReadModel, options: PathOptions = {}): PathsResult {
  const graph = winGraph(board);
  const fed = graph.ambitions.map((_, a) => a).filter((a) => (graph.contributions[a]?.length ?? 0) > 0);
  const runs = fed.map((ambition): Run => ({
    ambition,
    paths: [],
    complete: true,
    spent: { paths: 0, steps: 0 },
  }));
  const left = {
    paths: Math.max(0, Math.floor(options.maxPaths ?? DEFAULT_MAX_PATHS)),
    steps: Math.max(0, Math.floor(options.maxSteps ?? DEFAULT_MAX_STEPS)),
  };
  enumerate(graph, runs, left);
  // What small ambitions left unused goes to the capped ones: they start over with their first
  // share plus a share of the rest, so the total work stays below twice the limits.
  const capped = runs.filter((run) => !run.complete);
  if (capped.length > 0 && left.paths > 0 && left.steps > 0) enumerate(graph, capped, left);
  const paths = runs.flatMap((run) => run.paths);
  const truncatedAmbitionIds = runs
    .filter((run) => !run.complete)
    .map((run) => graph.ambitions[run.ambition]?.id ?? '');
  paths.sort(comparePaths);
  return Object.freeze({
    paths: Object.freeze(paths),
    truncated: truncatedAmbitionIds.length > 0,
    truncatedAmbitionIds: Object.freeze(truncatedAmbitionIds),
  });
}

/** Whether two paths are in the order `findPaths` lists them. */
export function comparePaths(a: BoardPath, b: BoardPath): number {
  return (
    compareIndex(a.ambitionId, b.ambitionId) ||
    compareLists(a.winIds, b.winIds) ||
    compareLists(a.linkIds, b.linkIds)
  );
}

/** One ambition's enumeration: its paths so far, whether they are all, and the budget it used. */
interface Run {
  readonly ambition: number;
  paths: BoardPath[];
  complete: boolean;
  spent: { paths: number; steps: number };
}

/**
 * Enumerates each run in id order with an equal share of `left` plus what it spent before (a
 * rerun starts over); what a run does not use flows on to the runs after it.
 */
function enumerate(graph: WinGraph, runs: readonly Run[], left: { paths: number; steps: number }): void {
  const onPath = new Uint8Array(graph.wins.length);
  for (const [k, run] of runs.entries()) {
    const share = runs.length - k;
    left.paths += run.spent.paths;
    left.steps += run.spent.steps;
    const allowed = { paths: Math.ceil(left.paths / share), steps: Math.ceil(left.steps / share) };
    const budget = { ...allowed };
    run.paths = [];
    run.complete = pathsInto(graph, run.ambition, budget, onPath, run.paths);
    run.spent = { paths: allowed.paths - budget.paths, steps: allowed.steps - Math.max(0, budget.steps) };
    left.paths -= run.spent.paths;
    left.steps -= run.spent.steps;
  }
}

/**
 * Walks backwards from the ambition (only wins that reach it are ever visited, so no work is
 * spent on dead ends) and emits a path wherever the walk cannot go further back. Iterative, so a
 * chain of thousands of wins cannot overflow the call stack. Returns false when a limit hit.
 */
function pathsInto(
  graph: WinGraph,
  ambition: number,
  budget: { paths: number; steps: number },
  onPath: Uint8Array,
  out: BoardPath[],
): boolean {
  const ambitionId = graph.ambitions[ambition]?.id ?? '';
  for (const entry of graph.contributions[ambition] ?? []) {
    // The walk: wins from the contributor backwards, the link taken into each, and how far
    // through its incoming links each frame has looked.
    const wins = [entry.other];
    const links = [entry.link.id];
    const cursor = [0];
    const extended = [false];
    onPath[entry.other] = 1;
    while (wins.length > 0) {
      const top = wins.length - 1;
      const win = wins[top] as number;
      const incoming = graph.inEdges[win] ?? [];
      let next = cursor[top] as number;
      while (next < incoming.length && onPath[(incoming[next] as { other: number }).other] === 1) next++;
      budget.steps -= next - (cursor[top] as number) + 1;
      if (budget.steps < 0) return unwind(wins, onPath);
      const edge = incoming[next];
      if (edge) {
        cursor[top] = next + 1;
        extended[top] = true;
        wins.push(edge.other);
        links.push(edge.link.id);
        cursor.push(0);
        extended.push(false);
        onPath[edge.other] = 1;
        continue;
      }
      if (!extended[top]) {
        if (budget.paths <= 0) return unwind(wins, onPath);
        budget.paths--;
        out.push(toPath(graph, ambitionId, wins, links));
      }
      onPath[win] = 0;
      wins.pop();
      links.pop();
      cursor.pop();
      extended.pop();
    }
  }
  return true;
}

function unwind(wins: readonly number[], onPath: Uint8Array): false {
  for (const win of wins) onPath[win] = 0;
  return false;
}

/** The walk runs backwards, so the path is the walk reversed. */
function toPath(
  graph: WinGraph,
  ambitionId: string,
  wins: readonly number[],
  links: readonly string[],
): BoardPath {
  const winIds = wins.map((w) => graph.wins[w]?.id ?? '').reverse();
  return Object.freeze({
    ambitionId,
    winIds: Object.freeze(winIds),
    linkIds: Object.freeze([...links].reverse()),
  });
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const order = compareIndex(a[i] as string, b[i] as string);
    if (order) return order;
  }
  return a.length - b.length;
}

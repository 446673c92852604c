/**
 * The graph every analysis walks: small wins and ambitions numbered in id order, with the path
 * links (enables / spreads / broadens / deepens) between wins, the contributes links into each
 * ambition and the propels links onto each win. Built once per read model and cached, so the
 * analyses that `analyseBoard` runs share one copy.
 *
 *   const graph = winGraph(board);
 *   graph.inEdges[graph.winIndex.get('sw-a')!]; // path links that end at sw-a
 */
import type { Ambition } from '../kinds/ambition';
import type { Intervention } from '../kinds/intervention';
import type { SmallWin } from '../kinds/smallWin';
import type { BoardLink } from '../links/link';
import { linkKindRules } from '../links/registry';
import type { BoardReadModel } from '../readBoard';
import { compareIndex } from '../zOrder';

/** A link seen from one end: the link and the index of the item at its other end. */
export interface Edge {
  readonly link: BoardLink;
  /** Win index (path links), win index of the contributor (contributes) or intervention index (propels). */
  readonly other: number;
}

/** Wins and ambitions by index with their links; indices follow id order, so loops are deterministic. */
export interface WinGraph {
  readonly wins: readonly SmallWin[];
  readonly ambitions: readonly Ambition[];
  readonly interventions: readonly Intervention[];
  readonly winIndex: ReadonlyMap<string, number>;
  readonly ambitionIndex: ReadonlyMap<string, number>;
  /** Per win: path links leaving it, sorted by target id, then link id. */
  readonly outEdges: readonly (readonly Edge[])[];
  /** Per win: path links arriving at it, sorted by source id, then link id. */
  readonly inEdges: readonly (readonly Edge[])[];
  /** Per ambition: contributes links into it, sorted by source id, then link id. */
  readonly contributions: readonly (readonly Edge[])[];
  /** Per win: propels links onto it (any advice), sorted by intervention id, then link id. */
  readonly propelledBy: readonly (readonly Edge[])[];
}

const cache = new WeakMap<BoardReadModel, WinGraph>();

/** The board's win graph, built once per read model. */
export function winGraph(board: BoardReadModel): WinGraph {
  let graph = cache.get(board);
  if (!graph) {
    graph = buildWinGraph(board);
    cache.set(board, graph);
  }
  return graph;
}

function buildWinGraph(board: BoardReadModel): WinGraph {
  const byId = (a: { id: string }, b: { id: string }) => compareIndex(a.id, b.id);
  const wins: SmallWin[] = [];
  const ambitions: Ambition[] = [];
  const interventions: Intervention[] = [];
  for (const item of board.items) {
    if (item.kind === 'smallWin') wins.push(item);
    else if (item.kind === 'ambition') ambitions.push(item);
    else if (item.kind === 'intervention') interventions.push(item);
  }
  wins.sort(byId);
  ambitions.sort(byId);
  interventions.sort(byId);
  const winIndex = indexOf(wins);
  const ambitionIndex = indexOf(ambitions);
  const interventionIndex = indexOf(interventions);
  const outEdges = lists<Edge>(wins.length);
  const inEdges = lists<Edge>(wins.length);
  const contributions = lists<Edge>(ambitions.length);
  const propelledBy = lists<Edge>(wins.length);
  // readBoard keeps only links whose endpoints exist and whose kinds are allowed, so the
  // lookups below only miss for kinds that do not concern the analyses (involves).
  for (const link of board.links) {
    const to = winIndex.get(link.to);
    if (link.kind === 'contributes') {
      const from = winIndex.get(link.from);
      const ambition = ambitionIndex.get(link.to);
      if (from !== undefined && ambition !== undefined) contributions[ambition]?.push({ link, other: from });
    } else if (link.kind === 'propels') {
      const from = interventionIndex.get(link.from);
      if (from !== undefined && to !== undefined) propelledBy[to]?.push({ link, other: from });
    } else if (linkKindRules[link.kind].onPath) {
      const from = winIndex.get(link.from);
      if (from === undefined || to === undefined) continue;
      outEdges[from]?.push({ link, other: to });
      inEdges[to]?.push({ link, other: from });
    }
  }
  for (const group of [outEdges, inEdges, contributions, propelledBy])
    for (const list of group) list.sort(byEdge);
  return {
    wins,
    ambitions,
    interventions,
    winIndex,
    ambitionIndex,
    outEdges,
    inEdges,
    contributions,
    propelledBy,
  };
}

/** Other end first (indices follow id order), then link id, so parallel links keep a fixed order. */
function byEdge(a: Edge, b: Edge): number {
  return a.other - b.other || compareIndex(a.link.id, b.link.id);
}

function indexOf(items: readonly { id: string }[]): Map<string, number> {
  return new Map(items.map((item, i) => [item.id, i]));
}

function lists<T>(length: number): T[][] {
  return Array.from({ length }, () => []);
}

/**
 * Keystones (DOMAIN.md "Analyses"): small wins that every path to an ambition passes through.
 *
 * "Every path" means every maximal path (paths.ts): the tail [b] of a → b → ambition always
 * avoids a, so counting tails would leave at most one keystone, the sole contributor. Computed
 * with dominators, never from the path list, so the path cap cannot change the answer:
 *
 * - Walk the links backwards from the ambition (a virtual root). A win d dominates w when every
 *   path from w to the ambition passes through d (Cooper, Harvey & Kennedy's iterative algorithm).
 * - A maximal path starts at a win all of whose predecessors are already on the path, so they lie
 *   in the start's own cycle (strongly connected component). Call such wins starts; on a board
 *   without cycles they are the wins nothing feeds.
 * - Keystones = the wins that dominate every start: the chain from the starts' nearest common
 *   dominator up to the ambition.
 *
 * On boards without cycles this is exactly "on every maximal path". With cycles it never lists a
 * win some path avoids, but may leave out one that only happens to start every path around a
 * cycle (in a ↔ b → ambition, only b, the win everything funnels through, is listed); deciding
 * those exactly is as hard as finding Hamiltonian paths.
 *
 *   keystones(board); // [{ ambitionId: 'amb-2050', winIds: ['sw-berging'] }, …]
 */
import type { BoardReadModel } from '../readBoard';
import { winComponents } from './components';
import { winGraph, type WinGraph } from './winGraph';

/** The keystone wins of one ambition, sorted by id (empty when none, or when no win feeds it). */
export interface AmbitionKeystones {
  readonly ambitionId: string;
  readonly winIds: readonly string[];
}

/** Keystones of every ambition, sorted by ambition id. */
export function keystones(board: BoardReadModel): readonly AmbitionKeystones[] {
  const graph = winGraph(board);
  const { componentOf } = winComponents(board);
  const scratch = {
    seen: new Int32Array(graph.wins.length).fill(-1),
    contributor: new Int32Array(graph.wins.length).fill(-1),
    order: new Int32Array(graph.wins.length),
  };
  const result = graph.ambitions.map((ambition, a) => {
    const winIds = keystoneIndices(graph, a, componentOf, scratch).map((w) => graph.wins[w]?.id ?? '');
    return Object.freeze({ ambitionId: ambition.id, winIds: Object.freeze(winIds) });
  });
  return Object.freeze(result);
}

interface Scratch {
  /** `seen[w] === a`: w feeds ambition a (visited in its walk). */
  readonly seen: Int32Array;
  /** `contributor[w] === a`: w has a contributes link into ambition a. */
  readonly contributor: Int32Array;
  /** Postorder number of w in ambition a's walk, valid where seen[w] === a. */
  readonly order: Int32Array;
}

function keystoneIndices(graph: WinGraph, a: number, componentOf: Int32Array, scratch: Scratch): number[] {
  const { seen, contributor, order } = scratch;
  const roots: number[] = [];
  for (const edge of graph.contributions[a] ?? []) {
    if (contributor[edge.other] === a) continue;
    contributor[edge.other] = a;
    roots.push(edge.other);
  }
  if (roots.length === 0) return [];
  const postorder = walkBackwards(graph, roots, a, seen, order);
  const root = postorder.length; // the ambition: numbered last, as a postorder root is
  const idom = new Int32Array(root + 1).fill(-1);
  idom[root] = root;
  const intersect = (x: number, y: number): number => {
    while (x !== y) {
      while (x < y) x = idom[x] as number;
      while (y < x) y = idom[y] as number;
    }
    return x;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = postorder.length - 1; i >= 0; i--) {
      const win = postorder[i] as number;
      // Predecessors in the backwards walk: the ambition itself, and the wins this one links to.
      let best = contributor[win] === a ? root : -1;
      for (const edge of graph.outEdges[win] ?? []) {
        if (seen[edge.other] !== a) continue;
        const p = order[edge.other] as number;
        if (idom[p] === -1) continue;
        best = best === -1 ? p : intersect(p, best);
      }
      if (idom[i] !== best) {
        idom[i] = best;
        changed = true;
      }
    }
  }
  let common = -1;
  for (const [i, win] of postorder.entries()) {
    const isStart = (graph.inEdges[win] ?? []).every((edge) => componentOf[edge.other] === componentOf[win]);
    if (isStart) common = common === -1 ? i : intersect(common, i);
  }
  const found: number[] = [];
  for (let node = common; node !== root && node !== -1; node = idom[node] as number) {
    found.push(postorder[node] as number);
  }
  return found.sort((x, y) => x - y);
}

/** Iterative depth-first walk from the contributors along links backwards; returns wins in postorder. */
function walkBackwards(
  graph: WinGraph,
  roots: readonly number[],
  a: number,
  seen: Int32Array,
  order: Int32Array,
): number[] {
  const postorder: number[] = [];
  const stack: { win: number; next: number }[] = [];
  for (const start of roots) {
    if (seen[start] === a) continue;
    seen[start] = a;
    stack.push({ win: start, next: 0 });
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { win: number; next: number };
      const edge = (graph.inEdges[frame.win] ?? [])[frame.next++];
      if (!edge) {
        stack.pop();
        order[frame.win] = postorder.length;
        postorder.push(frame.win);
      } else if (seen[edge.other] !== a) {
        seen[edge.other] = a;
        stack.push({ win: edge.other, next: 0 });
      }
    }
  }
  return postorder;
}

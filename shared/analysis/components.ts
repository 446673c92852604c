/**
 * Strongly connected components of the win graph (wins that reach each other through path
 * links, i.e. cycles such as a ↔ b). Keystones and eternal pilots reason per component, which
 * makes them exact on cyclic boards without enumerating paths.
 *
 *   const { componentOf, order } = winComponents(board);
 *   // order: components sinks first; every component comes after all it reaches
 */
import type { BoardReadModel } from '../readBoard';
import { winGraph, type WinGraph } from './winGraph';

/** Each win's component, and the components listed so that each follows every one it reaches. */
export interface WinComponents {
  /** Per win index: its component number. */
  readonly componentOf: Int32Array;
  /** Per component, its win indices; components are numbered sinks first (Tarjan's order). */
  readonly members: readonly (readonly number[])[];
}

const cache = new WeakMap<BoardReadModel, WinComponents>();

/** The components of the board's win graph, computed once per read model. */
export function winComponents(board: BoardReadModel): WinComponents {
  let result = cache.get(board);
  if (!result) {
    result = tarjan(winGraph(board));
    cache.set(board, result);
  }
  return result;
}

/** Tarjan's algorithm with an explicit stack: long chains of wins must not overflow the call stack. */
function tarjan(graph: WinGraph): WinComponents {
  const n = graph.wins.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  const stack: number[] = [];
  const frames: { win: number; next: number }[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push({ win: root, next: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { win: number; next: number };
      const edges = graph.outEdges[frame.win] ?? [];
      const edge = edges[frame.next++];
      if (edge) {
        const to = edge.other;
        if (index[to] === -1) {
          index[to] = low[to] = counter++;
          stack.push(to);
          frames.push({ win: to, next: 0 });
        } else if (componentOf[to] === -1) {
          low[frame.win] = Math.min(low[frame.win] as number, index[to] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.win] = Math.min(low[parent.win] as number, low[frame.win] as number);
      if (low[frame.win] !== index[frame.win]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop() as number;
        componentOf[member] = members.length;
        component.push(member);
      } while (member !== frame.win);
      members.push(component.sort((a, b) => a - b));
    }
  }
  return { componentOf, members };
}

/**
 * Hand-made boards for the analysis tests and benchmarks: a few words per item and link, read
 * back through the real loader and readBoard so the analyses see exactly what a client sees.
 *
 *   const board = testBoard([win('a'), win('b'), ambition('goal')], [link('spreads', 'a', 'b'), link('contributes', 'b', 'goal')]);
 */
import * as Y from 'yjs';
import { loadBoardJson } from '../boardJson';
import type { BoundaryDimension, BoundaryType } from '../kinds/boundary';
import type { InterventionAdvice } from '../kinds/intervention';
import type { BoardLink } from '../links/link';
import type { LinkKind } from '../links/registry';
import type { Mechanism } from '../mechanisms';
import { readBoard, type BoardReadModel } from '../readBoard';

/** An item for `testBoard`: kind-specific fields, any position. */
export type TestItem = { id: string; kind: string; x: number; y: number; w: number; h: number } & Record<
  string,
  unknown
>;

let column = 0;

/** Places cards apart on a row, so links between them have border-to-border segments. */
function nextPlace(): { x: number; y: number } {
  return { x: 400 * column++, y: 0 };
}

/** A small win; `at` places it, otherwise it goes to the right of the previous one. */
export function win(id: string, options: { mechanisms?: Mechanism[]; at?: [number, number] } = {}): TestItem {
  const at = options.at ? { x: options.at[0], y: options.at[1] } : nextPlace();
  return { id, kind: 'smallWin', ...at, w: 200, h: 100, mechanisms: options.mechanisms ?? [] };
}

/** An ambition. */
export function ambition(id: string, at?: [number, number]): TestItem {
  return { id, kind: 'ambition', ...(at ? { x: at[0], y: at[1] } : nextPlace()), w: 300, h: 150 };
}

/** An intervention on one mechanism. */
export function intervention(id: string, mechanism: Mechanism, advice: InterventionAdvice = 'do'): TestItem {
  return { id, kind: 'intervention', ...nextPlace(), w: 200, h: 100, mechanism, advice };
}

/** A boundary marker: the line from `a` to `b`. */
export function marker(
  id: string,
  a: [number, number],
  b: [number, number],
  boundaryType: BoundaryType = 'social',
  dimension: BoundaryDimension = 'policyDomain',
): TestItem {
  return { id, kind: 'boundary', x: a[0], y: a[1], w: b[0] - a[0], h: b[1] - a[1], boundaryType, dimension };
}

/** A link; its id defaults to "from>to". */
export function link(kind: LinkKind, from: string, to: string, id = `${from}>${to}`): BoardLink {
  return { id, kind, from, to };
}

/** The read model of a board with these items and links; throws when any is invalid. */
export function testBoard(items: readonly TestItem[], links: readonly BoardLink[] = []): BoardReadModel {
  const doc = new Y.Doc();
  const json = {
    format: 'olievlek-board',
    schemaVersion: 1,
    meta: { schemaVersion: 1, title: 'test', language: 'en' },
    items: items.map((item, i) => ({ index: `a${i}`, ...item })),
    links,
    votes: {},
  };
  column = 0; // the next board's cards start at the left again
  const { problems } = loadBoardJson(doc, json);
  const board = readBoard(doc);
  const all = [...problems, ...board.problems];
  if (all.length > 0) throw new Error(`invalid test board: ${JSON.stringify(all)}`);
  return board;
}

/** The diamond a → b → d, a → c → d, d contributes to "goal": two paths sharing both ends. */
export function diamond(): BoardReadModel {
  return testBoard(
    [win('a'), win('b'), win('c'), win('d'), ambition('goal')],
    [
      link('enables', 'a', 'b'),
      link('broadens', 'a', 'c'),
      link('spreads', 'b', 'd'),
      link('enables', 'c', 'd'),
      link('contributes', 'd', 'goal'),
    ],
  );
}

/** Small wins w0 … w(n-1) with a link wi → wj for every i < j, the last contributing to "goal". */
export function completeDag(n: number, kind: LinkKind = 'enables'): BoardReadModel {
  const wins = Array.from({ length: n }, (_, i) =>
    win(`w${String(i).padStart(2, '0')}`, { at: [i * 300, 0] }),
  );
  const links: BoardLink[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) links.push(link(kind, wins[i]?.id ?? '', wins[j]?.id ?? ''));
  links.push(link('contributes', wins[n - 1]?.id ?? '', 'goal'));
  return testBoard([...wins, ambition('goal', [0, 400])], links);
}

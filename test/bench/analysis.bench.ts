/**
 * How fast the analyses are (issue 6: a 5,000-item, 5,000-link board well under 100 ms). The
 * insight panel re-analyses on every remote change, so this bounds how live it can be. Each run
 * gets a fresh read-model object, so the per-board caches do not flatter the numbers.
 */
import { bench, describe } from 'vitest';
import * as Y from 'yjs';
import { analyseBoard } from '../../shared/analysis';
import { linkCrossings } from '../../shared/analysis/crossings';
import { keystones } from '../../shared/analysis/keystones';
import { findPaths } from '../../shared/analysis/paths';
import { completeDag, testBoard, win, marker, ambition, link } from '../../shared/analysis/testBoards';
import { loadBoardJson } from '../../shared/boardJson';
import { readBoard, type BoardReadModel } from '../../shared/readBoard';
import { syntheticBoard, syntheticDoc } from './boards';

/** A copy with a new identity: the analyses cache per read model, a new board has no cache. */
const fresh = (board: BoardReadModel): BoardReadModel => ({ ...board });

describe('analyseBoard', () => {
  for (const [items, links] of [
    [1000, 1000],
    [5000, 5000],
  ] as const) {
    const board = readBoard(syntheticDoc(items, links));
    bench(`${items} items, ${links} links`, () => {
      analyseBoard(fresh(board));
    });
  }
});

describe('parts at 5,000 items, 5,000 links', () => {
  const board = readBoard(syntheticDoc(5000, 5000));
  bench('findPaths', () => {
    findPaths(fresh(board));
  });
  bench('keystones', () => {
    keystones(fresh(board));
  });
  bench('linkCrossings', () => {
    linkCrossings(fresh(board));
  });
});

describe('5,000 links among 1,000 long boundary markers', () => {
  const json = syntheticBoard(5000, 5000);
  // Every boundary becomes a long diagonal line, so most links have markers nearby.
  json.items = json.items.map((item, i) =>
    item.kind === 'boundary' ? { ...item, w: 900 * ((i % 3) - 1), h: 700 } : item,
  );
  const doc = new Y.Doc();
  loadBoardJson(doc, json);
  const board = readBoard(doc);
  bench(`linkCrossings (${board.items.filter((i) => i.kind === 'boundary').length} markers)`, () => {
    linkCrossings(fresh(board));
  });
});

describe('dense graphs (paths capped)', () => {
  for (const n of [30, 60]) {
    const board = completeDag(n);
    bench(`complete DAG of ${n} wins (${(n * (n - 1)) / 2} links)`, () => {
      analyseBoard(fresh(board));
    });
  }
  // The unit test only checks that the cap is reached; this is how long reaching it takes.
  const dag30 = completeDag(30);
  bench('findPaths on a complete DAG of 30 wins (2^28 paths, capped)', () => {
    findPaths(fresh(dag30));
  });
  // A grid of wins with crossings everywhere: each win enables its right and lower neighbour.
  const side = 40;
  const wins = Array.from({ length: side * side }, (_, i) =>
    win(`w${i}`, { at: [(i % side) * 300, Math.floor(i / side) * 200] }),
  );
  const links = wins.flatMap((_, i) => [
    ...(i % side < side - 1 ? [link('enables', `w${i}`, `w${i + 1}`)] : []),
    ...(i + side < side * side ? [link('spreads', `w${i}`, `w${i + side}`)] : []),
  ]);
  const markers = Array.from({ length: 40 }, (_, i) =>
    marker(`m${i}`, [i * 300 + 250, -50], [i * 300 + 250, 8000]),
  );
  const grid = testBoard(
    [...wins, ...markers, ambition('goal', [side * 300, side * 200])],
    [...links, link('contributes', `w${side * side - 1}`, 'goal')],
  );
  bench(`grid of ${side}×${side} wins, ${links.length} links, 40 markers`, () => {
    analyseBoard(fresh(grid));
  });
});

/** Synthetic boards of a given size for benchmarks: a workshop's mix of kinds, with links. */
import * as Y from 'yjs';
import { loadBoardJson, type BoardJson } from '../../shared/boardJson';
import { ITEM_KINDS } from '../../shared/itemKinds';
import type { BoardItem } from '../../shared/schema';

/**
 * A board in JSON form with `items` items laid out on a grid and `links` contributes/spreads links.
 * `near` joins each win to its neighbours, as on a workshop board; otherwise links span the board.
 */
export function syntheticBoard(items: number, links: number, near = false): BoardJson {
  const list = Array.from({ length: items }, (_, i): BoardItem => {
    const kind =
      i % 10 === 0 ? 'ambition' : i % 10 < 7 ? 'smallWin' : (ITEM_KINDS[i % ITEM_KINDS.length] ?? 'note');
    const common = {
      id: `i${i}`,
      x: (i % 80) * 300,
      y: Math.floor(i / 80) * 200,
      w: 260,
      h: 120,
      text: `Kleine stap ${i}: boeren en waterschap houden samen water vast`,
      index: `a${i}`,
      createdBy: 'bench',
      createdAt: 1_795_000_000_000 + i,
    };
    if (kind === 'smallWin') return { ...common, kind, status: 'underway', mechanisms: ['connecting'] };
    if (kind === 'boundary')
      return { ...common, kind, w: 200, h: 40, boundaryType: 'social', dimension: 'sphere' };
    if (kind === 'actor') return { ...common, kind, sphere: 'public' };
    if (kind === 'intervention') return { ...common, kind, mechanism: 'robustness', advice: 'do' };
    return { ...common, kind: kind as 'ambition' | 'note' | 'frame' };
  });
  const wins = list.filter((item) => item.kind === 'smallWin');
  const ambitions = list.filter((item) => item.kind === 'ambition');
  const linkList = Array.from({ length: links }, (_, i) => {
    const from = wins[i % wins.length] as BoardItem;
    const toAmbition = i % 3 === 0;
    const at = i % wins.length;
    const to = (
      near
        ? toAmbition
          ? nearest(ambitions, from)
          : wins[(at + 1) % wins.length]
        : toAmbition
          ? ambitions[i % ambitions.length]
          : wins[(i * 7 + 1) % wins.length]
    ) as BoardItem;
    return {
      id: `l${i}`,
      kind: toAmbition ? ('contributes' as const) : ('spreads' as const),
      from: from.id,
      to: to.id,
    };
  });
  return {
    format: 'olievlek-board',
    schemaVersion: 1,
    meta: { schemaVersion: 1, title: `Bench ${items}`, language: 'nl' },
    items: list,
    links: linkList,
    votes: {},
  };
}

/** The item of `list` closest to `to`. */
function nearest(list: readonly BoardItem[], to: BoardItem): BoardItem | undefined {
  let best: BoardItem | undefined;
  let bestDistance = Infinity;
  for (const item of list) {
    const distance = Math.hypot(item.x - to.x, item.y - to.y);
    if (distance < bestDistance) [best, bestDistance] = [item, distance];
  }
  return best;
}

/** A Y.Doc holding a synthetic board. */
export function syntheticDoc(items: number, links: number): Y.Doc {
  const doc = new Y.Doc();
  loadBoardJson(doc, syntheticBoard(items, links));
  return doc;
}

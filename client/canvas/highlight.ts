/**
 * What the canvas emphasises when an item is selected: every path through it (its wins, links
 * and ambition), everything else dimmed; and where links cross boundary markers.
 */
import type { BoardAnalysis } from '../../shared/analysis';
import { crossingSegment } from '../../shared/analysis';
import { boundaryLine, linkSegment, segmentIntersection, type Point } from '../../shared/geometry';
import type { BoardReadModel } from '../../shared/readBoard';
import { itemsById } from '../../shared/readBoard';
import { displayedItem } from './paint/paintItem';
import { BOUNDARY_STYLE } from './theme';

/** Items and links on the paths through the selection. */
export interface Highlight {
  readonly items: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
}

/** The paths through one selected small win or ambition; null when there are none to show. */
export function pathHighlight(
  analysis: BoardAnalysis | null,
  selection: readonly string[],
): Highlight | null {
  if (!analysis || selection.length !== 1) return null;
  const id = selection[0] as string;
  const paths = analysis.paths.filter((path) => path.ambitionId === id || path.winIds.includes(id));
  if (paths.length === 0) return null;
  const items = new Set<string>();
  const links = new Set<string>();
  for (const path of paths) {
    items.add(path.ambitionId);
    path.winIds.forEach((win) => items.add(win));
    path.linkIds.forEach((link) => links.add(link));
  }
  return { items, links };
}

/** A badge where a link crosses a marker, in the marker's colour. */
export interface CrossingBadge {
  readonly markerId: string;
  readonly point: Point;
  readonly colour: string;
}

/** Crossing badges per link id, placed where the drawn arrow meets each marker it crosses. */
export function crossingBadges(
  board: BoardReadModel,
  analysis: BoardAnalysis | null,
): ReadonlyMap<string, readonly CrossingBadge[]> {
  const badges = new Map<string, CrossingBadge[]>();
  if (!analysis) return badges;
  const byId = itemsById(board);
  const links = new Map(board.links.map((link) => [link.id, link]));
  for (const crossing of analysis.linkCrossings) {
    const link = links.get(crossing.linkId);
    const from = link && byId.get(link.from);
    const to = link && byId.get(link.to);
    if (!from || !to) continue;
    const drawn = linkSegment(displayedItem(from), displayedItem(to)) ?? crossingSegment(from, to);
    const list: CrossingBadge[] = [];
    for (const markerId of crossing.markerIds) {
      const marker = byId.get(markerId);
      if (marker?.kind !== 'boundary') continue;
      const line = boundaryLine(marker);
      const point =
        segmentIntersection(drawn.a, drawn.b, line.a, line.b) ??
        // Cards drawn taller than stored can move the arrow's ends; fall back to the analysed segment.
        segmentIntersection(crossingSegment(from, to).a, crossingSegment(from, to).b, line.a, line.b);
      if (point) list.push({ markerId, point, colour: BOUNDARY_STYLE[marker.boundaryType].colour });
    }
    if (list.length) badges.set(crossing.linkId, list);
  }
  return badges;
}

/**
 * The Excalidraw side of the bench's scene: the same synthetic board as Olievlek's, as
 * Excalidraw element skeletons (sticky-note-like filled rectangles with bound text, arrows
 * bound between them), which the peer page turns into elements itself.
 */
import type { BoardJson } from '../../../shared/boardJson';

/** One element skeleton, in the shape `convertToExcalidrawElements` reads. */
export type Skeleton = Record<string, unknown>;

/** Excalidraw skeletons for every item (same id, place, size and text) and every link of `board`. */
export function excalidrawScene(board: BoardJson): Skeleton[] {
  const cards = board.items.map((item) => ({
    type: 'rectangle',
    id: item.id,
    x: item.x,
    y: item.y,
    width: item.w,
    height: item.h,
    backgroundColor: '#ffec99',
    fillStyle: 'solid',
    strokeColor: '#1e1e1e',
    roundness: { type: 3 },
    // Helvetica (2) needs no web font, so the label wraps with the metrics it is drawn with.
    label: { text: item.text, fontSize: 16, fontFamily: 2 },
  }));
  const byId = new Map(board.items.map((item) => [item.id, item]));
  const arrows = board.links.flatMap((link) => {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from || !to) return [];
    const x = from.x + from.w / 2;
    const y = from.y + from.h / 2;
    return [
      {
        type: 'arrow',
        id: link.id,
        x,
        y,
        width: to.x + to.w / 2 - x,
        height: to.y + to.h / 2 - y,
        start: { id: from.id },
        end: { id: to.id },
      },
    ];
  });
  // Arrows first, so they lie under the cards: an arrow bound centre to centre would otherwise
  // cover the middle of every card it touches, and a press there (the bench's drag) would take
  // the arrow's end instead of the card. Olievlek's links stop at the items' edges.
  return [...arrows, ...cards];
}

/**
 * Other people on the canvas: their cursors with names and their selections outlined in their
 * colour. Plain DOM over the canvas: names are React text, never markup, and CSS transitions
 * smooth cursors that arrive about 20 times a second.
 */
import { boardBounds, itemBounds, type Rect } from '../../shared/geometry';
import { kindTraits } from '../../shared/kinds/registry';
import type { BoardItem } from '../../shared/schema';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import { displayedItem } from '../canvas/paint/paintItem';
import { boardToScreen, type Viewport } from '../editor/viewport';
import type { Peer } from '../sync/presence';
import { onScreen } from './onScreen';
import { UserText } from './UserText';

/** Most outlines drawn for one person; a larger selection in view gets one box around it all. */
const MAX_OUTLINES = 50;

/** Cursors and selections of everyone but us. */
export function PresenceLayer({
  peers,
  viewport,
  board,
}: {
  peers: readonly Peer[];
  viewport: Viewport;
  board: BoardReadModel;
}) {
  const byId = itemsById(board);
  const others = peers.filter((peer) => !peer.self);
  return (
    <div className="presence-layer" aria-hidden="true">
      {others.flatMap((peer) =>
        selectionBoxes(peer.selection, byId, viewport).map(({ key, bounds, height }) => {
          const topLeft = boardToScreen(viewport, { x: bounds.x, y: bounds.y });
          return (
            <div
              key={`${peer.clientId}:${key}`}
              className="remote-selection"
              style={{
                borderColor: peer.colour,
                left: topLeft.x - 5,
                top: topLeft.y - 5,
                width: bounds.w * viewport.zoom + 10,
                height: height * viewport.zoom + 10,
              }}
            >
              <span className="remote-selection-name" style={{ background: peer.colour }}>
                <UserText text={peer.name} />
              </span>
            </div>
          );
        }),
      )}
      {others.map((peer) => {
        if (!peer.cursor) return null;
        const at = boardToScreen(viewport, peer.cursor);
        return (
          <div
            key={peer.clientId}
            className="remote-cursor"
            style={{ transform: `translate(${at.x}px, ${at.y}px)` }}
          >
            <svg width="18" height="22" viewBox="0 0 18 22">
              <path
                d="M1 1l15 11-6.5 1.2L13 21l-3 1-3.5-7.8L1 19z"
                fill={peer.colour}
                stroke="#fff"
                strokeWidth="1.5"
              />
            </svg>
            <span className="remote-cursor-name" style={{ background: peer.colour }}>
              <UserText text={peer.name} />
            </span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * The boxes to outline for one person's selection: each selected item in view, or, when more
 * than MAX_OUTLINES are in view (someone selected all of a large board), one box around them.
 */
function selectionBoxes(
  selection: readonly string[],
  byId: ReadonlyMap<string, BoardItem>,
  viewport: Viewport,
): { key: string; bounds: Rect; height: number }[] {
  const shown: BoardItem[] = [];
  for (const id of selection) {
    const item = byId.get(id);
    if (item && onScreen(viewport, itemBounds(item))) shown.push(item);
  }
  if (shown.length > MAX_OUTLINES) {
    const all = boardBounds(shown);
    return all ? [{ key: 'all', bounds: all, height: all.h }] : [];
  }
  return shown.map((item) => {
    const bounds = itemBounds(item);
    return {
      key: item.id,
      bounds,
      height: kindTraits(item.kind).shape === 'line' ? bounds.h : displayedItem(item).h,
    };
  });
}

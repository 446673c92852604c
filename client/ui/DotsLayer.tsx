/**
 * Dots on the cards: before the reveal only this person's own (from their ballot, which only
 * they and the server know), after it every card's total from the board's `votes` map. Plain
 * DOM over the canvas, like the presence layer.
 */
import { itemBounds } from '../../shared/geometry';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import { boardToScreen, type Viewport } from '../editor/viewport';
import type { FacilitationSnapshot } from '../editor/facilitation';
import { onScreen } from './onScreen';
import { ranking } from './VoteRanking';

/** Most dots drawn one by one; more show as a number. */
const MAX_DRAWN = 5;

/** The dots layer. */
export function DotsLayer({
  board,
  viewport,
  snapshot,
}: {
  board: BoardReadModel;
  viewport: Viewport;
  snapshot: FacilitationSnapshot;
}) {
  const { voting } = snapshot.control;
  const byId = itemsById(board);
  const secret = voting !== null && !voting.revealed;
  const counts: [string, number][] = secret
    ? Object.entries(snapshot.ballot?.mine ?? {})
    : ranking(board).map((row) => [row.itemId, row.dots]);
  return (
    <div className="dots-layer" aria-hidden="true">
      {counts.map(([id, dots]) => {
        const item = byId.get(id);
        if (!item || dots <= 0) return null;
        const bounds = itemBounds(item);
        if (!onScreen(viewport, bounds)) return null;
        const at = boardToScreen(viewport, { x: bounds.x + bounds.w, y: bounds.y });
        return (
          <div
            key={id}
            className={secret ? 'card-dots card-dots-mine' : 'card-dots'}
            style={{ left: at.x, top: at.y }}
          >
            {dots <= MAX_DRAWN && secret ? (
              Array.from({ length: dots }, (_, i) => <span key={i} className="dot" />)
            ) : (
              <>
                <span className="dot" />
                {dots}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** The revealed vote's ranking: items by dots, most first, from the board's `votes` map. */
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import type { Language } from '../../shared/ydoc';
import { d, t, tn } from './strings';
import { UserText } from './UserText';

/** Dots per item, most first (ties in board order). */
export function ranking(board: BoardReadModel): { itemId: string; dots: number }[] {
  const totals = new Map<string, number>();
  for (const vote of board.votes) totals.set(vote.itemId, (totals.get(vote.itemId) ?? 0) + vote.dots);
  return [...totals].map(([itemId, dots]) => ({ itemId, dots })).sort((a, b) => b.dots - a.dots);
}

/** The ranking list; choosing an entry selects its card. */
export function VoteRanking({
  board,
  language,
  onSelect,
}: {
  board: BoardReadModel;
  language: Language;
  onSelect(itemId: string): void;
}) {
  const byId = itemsById(board);
  const rows = ranking(board).filter((row) => byId.has(row.itemId));
  return (
    <div className="vote-ranking">
      <h3>{t(language, 'vote.ranking')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t(language, 'vote.none')}</p>
      ) : (
        <ol>
          {rows.map(({ itemId, dots }, i) => {
            const item = byId.get(itemId)!;
            return (
              <li key={itemId}>
                <span className="vote-rank" aria-hidden="true">{`${i + 1}.`}</span>
                <button type="button" className="link-button" onClick={() => onSelect(itemId)}>
                  <UserText text={item.text.trim() || d(language, `kind.${item.kind}` as never)} />
                </button>
                <span className="vote-count">{tn(language, 'vote.dots', dots)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

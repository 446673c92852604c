/**
 * A long list shown in part: the first entries and a button for the rest, so a panel over a
 * board of thousands of items costs DOM for the whole list only when someone asks for it.
 */
import { useState, type ReactNode } from 'react';
import type { Language } from '../../shared/ydoc';
import { t, tf } from './strings';

/** Entries shown before "Show all". */
export const CAP = 20;

/** Renders `children` with the first `limit` of `items` (all of them once asked), then the toggle. */
export function Capped<T>({
  items,
  language,
  limit = CAP,
  children,
}: {
  items: readonly T[];
  language: Language;
  limit?: number;
  children: (shown: readonly T[]) => ReactNode;
}) {
  const [all, setAll] = useState(false);
  const long = items.length > limit;
  return (
    <>
      {children(all || !long ? items : items.slice(0, limit))}
      {long && (
        <button type="button" className="show-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t(language, 'insights.showFewer') : tf(language, 'insights.showAll', { n: items.length })}
        </button>
      )}
    </>
  );
}

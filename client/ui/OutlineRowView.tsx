/** One drawn row of the Outline tree: a kind group, an item or a link, as plain user text. */
import { memo } from 'react';
import { kindLabel, linkLabel } from '../../shared/i18n';
import type { Language } from '../../shared/ydoc';
import type { OutlineRow } from './outlineRows';
import { UserText } from './UserText';

interface RowViewProps {
  row: OutlineRow;
  id: string;
  index: number;
  start: number;
  active: boolean;
  selected: boolean;
  language: Language;
  /** The display name of an item by id (its text, or the untitled placeholder). */
  name: (id: string) => string;
  measure: (element: HTMLElement | null) => void;
  onPick: (index: number) => void;
}

/** A positioned treeitem; memoised so scrolling redraws only the rows that enter the window. */
export const OutlineRowView = memo(function OutlineRowView({
  row,
  id,
  index,
  start,
  active,
  selected,
  language,
  name,
  measure,
  onPick,
}: RowViewProps) {
  return (
    <div
      ref={measure}
      id={id}
      data-index={index}
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.pos}
      aria-setsize={row.size}
      aria-expanded={row.expanded}
      aria-selected={row.type === 'group' ? undefined : selected}
      className={`outline-row outline-${row.type}${active ? ' is-active' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onPick(index)}
    >
      {row.type === 'group' && (
        <>
          {kindLabel(language, row.kind)} <span className="count">{row.count}</span>
        </>
      )}
      {row.type === 'item' && (
        <>
          <span className="visually-hidden">{kindLabel(language, row.item.kind)}: </span>
          <UserText text={name(row.item.id)} />
        </>
      )}
      {row.type === 'link' && (
        <>
          → {linkLabel(language, row.link.kind)}{' '}
          <q>
            <UserText text={name(row.link.to)} />
          </q>
          {row.link.label ? (
            <>
              {' '}
              (<UserText text={row.link.label} />)
            </>
          ) : null}
        </>
      )}
    </div>
  );
});

/**
 * The Outline: every item grouped by kind, with its text and its links, as a landmark that
 * screen readers and tests can find by name. It is one ARIA tree over all rows, but only the
 * rows in view are in the DOM (a board of 5,000 items draws a few dozen): focus stays on the
 * tree and `aria-activedescendant` names the active row, which is always drawn; each row carries
 * its level, position and set size, so the whole list is there for assistive technology. Arrow
 * keys, Home/End and PageUp/PageDown walk every row; Enter or Space (or a click) does what the
 * row is for: an item is focused on the canvas, a link selected, a group folded.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import type { Language } from '../../shared/ydoc';
import type { Editor } from '../editor/editor';
import { outlineKey } from './outlineKeys';
import { itemKey, outlineRows, type OutlineRow } from './outlineRows';
import { OutlineRowView } from './OutlineRowView';
import { t, tn } from './strings';

interface OutlineProps {
  editor: Editor;
  board: BoardReadModel;
  selection: readonly string[];
  selectedLink: string | null;
  language: Language;
}

/** Rough row heights before a row is measured: groups, items, links. */
const ESTIMATE = { group: 34, item: 30, link: 22 } as const;
/** Rows drawn beyond each edge of the view, so a quick scroll shows no gap. */
const OVERSCAN = 6;

/** The outline panel; memoised, because panning the canvas must not rebuild it. */
export const Outline = memo(function Outline({
  editor,
  board,
  selection,
  selectedLink,
  language,
}: OutlineProps) {
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  // The active row by key, and where it was, so its neighbour takes over when someone deletes it.
  const [current, setCurrent] = useState<{ key: string; index: number } | null>(null);
  const rows = useMemo(() => outlineRows(board, collapsed), [board, collapsed]);
  const indexOf = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const found = current === null ? undefined : indexOf.get(current.key);
  const active = found ?? (current === null ? -1 : Math.min(current.index, rows.length - 1));
  const selected = useMemo(() => new Set(selection), [selection]);
  const byId = itemsById(board);
  const untitled = t(language, 'outline.untitled');
  const name = useCallback((id: string) => byId.get(id)?.text.trim() || untitled, [byId, untitled]);

  // The active row is always drawn, even scrolled away, so aria-activedescendant never dangles.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      if (active < 0 || drawn.includes(active)) return drawn;
      return [...drawn, active].sort((a, b) => a - b);
    },
    [active],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ESTIMATE[rows[i]?.type ?? 'item'],
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: OVERSCAN,
    rangeExtractor,
    useFlushSync: false,
  });

  const activate = useCallback(
    (row: OutlineRow) => {
      if (row.type === 'item') editor.focusItem(row.item.id);
      else if (row.type === 'link') editor.selectLink(row.link.id);
      else toggle(setCollapsed, row.key, !row.expanded);
    },
    [editor],
  );
  const goTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setCurrent({ key: row.key, index });
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onPick = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      setCurrent({ key: row.key, index });
      activate(row);
    },
    [rows, activate],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.floor((scrollRef.current?.clientHeight ?? 0) / ESTIMATE.item) - 1;
    const action = outlineKey(rows, active, event.key, page);
    if (!action) return;
    // The Outline's keys are not board shortcuts here (an arrow must not move the selection).
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'move') goTo(action.index);
    else if (action.type === 'activate') {
      const row = rows[active];
      if (row) activate(row);
    } else toggle(setCollapsed, action.key, action.type === 'expand');
  };
  const onFocus = () => {
    if (found !== undefined || rows.length === 0) return;
    // Arriving by Tab (or a click): start at a selected item in view, else the first row in
    // view. Never scroll here: a click that focuses the tree must land on the row it aimed at.
    const top = virtualizer.range?.startIndex ?? 0;
    const bottom = virtualizer.range?.endIndex ?? top;
    const inView = selection
      .map((id) => indexOf.get(itemKey(id)))
      .find((i) => i !== undefined && i >= top && i <= bottom);
    const index = Math.min(inView ?? top, rows.length - 1);
    const row = rows[index];
    if (row) setCurrent({ key: row.key, index });
  };
  const rowId = (index: number) => `${baseId}-row-${index}`;
  const title = t(language, 'outline.title');
  const summaryId = `${baseId}-summary`;
  return (
    <section className="panel outline" aria-label={title}>
      <h2>{title}</h2>
      {board.items.length === 0 ? (
        <p className="muted">{t(language, 'outline.empty')}</p>
      ) : (
        <p className="muted outline-summary" id={summaryId}>
          {tn(language, 'outline.items', board.items.length)} ·{' '}
          {tn(language, 'outline.links', board.links.length)}
        </p>
      )}
      <div
        ref={scrollRef}
        className="outline-tree"
        role="tree"
        aria-label={title}
        aria-describedby={board.items.length > 0 ? summaryId : undefined}
        aria-multiselectable="true"
        aria-activedescendant={active >= 0 ? rowId(active) : undefined}
        tabIndex={rows.length > 0 ? 0 : -1}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget) onFocus();
        }}
      >
        <div role="none" className="outline-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            const on =
              (row.type === 'item' && selected.has(row.item.id)) ||
              (row.type === 'link' && selectedLink === row.link.id);
            return (
              <OutlineRowView
                key={virtual.key}
                row={row}
                id={rowId(virtual.index)}
                index={virtual.index}
                start={virtual.start}
                active={virtual.index === active}
                selected={on}
                language={language}
                name={name}
                measure={virtualizer.measureElement}
                onPick={onPick}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
});

/** Folds (or unfolds) one row's children. */
function toggle(
  set: (update: (old: ReadonlySet<string>) => ReadonlySet<string>) => void,
  key: string,
  expand: boolean,
): void {
  set((old) => {
    const next = new Set(old);
    if (expand) next.delete(key);
    else next.add(key);
    return next;
  });
}

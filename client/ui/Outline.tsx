/**
 * The Outline: every item grouped by kind, with its text and its links, as a landmark that
 * screen readers and tests can find by name. Choosing an entry focuses it on the canvas.
 */
import { memo, useMemo } from 'react';
import { ITEM_KINDS } from '../../shared/itemKinds';
import type { BoardLink } from '../../shared/links/link';
import { kindLabel, linkLabel } from '../../shared/i18n';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import type { Language } from '../../shared/ydoc';
import type { Editor } from '../editor/editor';
import { t } from './strings';
import { UserText } from './UserText';

interface OutlineProps {
  editor: Editor;
  board: BoardReadModel;
  selection: readonly string[];
  selectedLink: string | null;
  language: Language;
}

/** The outline panel; memoised, because panning the canvas must not rebuild a list of thousands. */
export const Outline = memo(function Outline({
  editor,
  board,
  selection,
  selectedLink,
  language,
}: OutlineProps) {
  const byId = itemsById(board);
  const outgoingOf = useMemo(() => {
    const map = new Map<string, BoardLink[]>();
    for (const link of board.links) {
      const list = map.get(link.from);
      if (list) list.push(link);
      else map.set(link.from, [link]);
    }
    return map;
  }, [board.links]);
  const name = (id: string) => byId.get(id)?.text.trim() || t(language, 'outline.untitled');
  return (
    <section className="panel outline" aria-label={t(language, 'outline.title')}>
      <h2>{t(language, 'outline.title')}</h2>
      {board.items.length === 0 && <p className="muted">{t(language, 'outline.empty')}</p>}
      {ITEM_KINDS.map((kind) => {
        const items = board.items.filter((item) => item.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind} className="outline-group">
            <h3>
              {kindLabel(language, kind)} <span className="count">{items.length}</span>
            </h3>
            <ul>
              {items.map((item) => {
                const outgoing = outgoingOf.get(item.id) ?? [];
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="outline-item"
                      aria-current={selection.includes(item.id) ? 'true' : undefined}
                      onClick={() => editor.focusItem(item.id)}
                    >
                      <span className="visually-hidden">{kindLabel(language, kind)}: </span>
                      <UserText text={name(item.id)} />
                    </button>
                    {outgoing.length > 0 && (
                      <ul className="outline-links">
                        {outgoing.map((link) => (
                          <li key={link.id}>
                            {/* A button, so a keyboard user can select a link too (then Delete removes it). */}
                            <button
                              type="button"
                              className="outline-link"
                              aria-current={selectedLink === link.id ? 'true' : undefined}
                              onClick={() => editor.selectLink(link.id)}
                            >
                              → {linkLabel(language, link.kind)}{' '}
                              <q>
                                <UserText text={name(link.to)} />
                              </q>
                              {link.label ? (
                                <>
                                  {' '}
                                  (<UserText text={link.label} />)
                                </>
                              ) : null}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
});

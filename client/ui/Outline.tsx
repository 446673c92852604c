/**
 * The Outline: every item grouped by kind, with its text and its links, as a landmark that
 * screen readers and tests can find by name. Choosing an entry focuses it on the canvas.
 */
import { ITEM_KINDS } from '../../shared/itemKinds';
import { kindLabel, linkLabel } from '../../shared/i18n';
import { itemsById } from '../../shared/readBoard';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { t } from './strings';

/** The outline panel. */
export function Outline({ editor, snapshot }: { editor: Editor; snapshot: EditorSnapshot }) {
  const { board, language, selection } = snapshot;
  const byId = itemsById(board);
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
                const outgoing = board.links.filter((link) => link.from === item.id);
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="outline-item"
                      aria-current={selection.includes(item.id) ? 'true' : undefined}
                      onClick={() => editor.focusItem(item.id)}
                    >
                      <span className="visually-hidden">{kindLabel(language, kind)}: </span>
                      {name(item.id)}
                    </button>
                    {outgoing.length > 0 && (
                      <ul className="outline-links">
                        {outgoing.map((link) => (
                          <li key={link.id}>
                            {/* A button, so a keyboard user can select a link too (then Delete removes it). */}
                            <button
                              type="button"
                              className="outline-link"
                              aria-current={snapshot.selectedLink === link.id ? 'true' : undefined}
                              onClick={() => editor.selectLink(link.id)}
                            >
                              → {linkLabel(language, link.kind)} <q>{name(link.to)}</q>
                              {link.label ? ` (${link.label})` : ''}
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
}

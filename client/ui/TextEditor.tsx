/**
 * In-place text editing: a textarea laid exactly over the card, bound to the item's Y.Text
 * through a text session. Others' typing in the same card appears live and the caret stays
 * where the local user was typing.
 *
 * The textarea is uncontrolled on purpose: a remote change writes its value and its caret
 * in the same task that applied the change. Were React to write the value on its next render
 * (and the caret a frame later), a key pressed in between would land in the wrong place, or
 * be diffed against the old text and undo the other person's letters.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { itemsById } from '../../shared/readBoard';
import { MAX_TEXT_LENGTH } from '../../shared/kinds/base';
import { kindDefinition } from '../../shared/kinds/registry';
import { displayedItem } from '../canvas/paint/paintItem';
import { FONT_FAMILY } from '../canvas/theme';
import type { Editor, EditorSnapshot } from '../editor/editor';
import type { TextSession } from '../editor/textSession';
import { boardToScreen } from '../editor/viewport';
import { t } from './strings';
import { kindLabel } from '../../shared/i18n';

/** The text overlay of the item being edited. */
export function TextEditor({ editor, snapshot }: { editor: Editor; snapshot: EditorSnapshot }) {
  const session = editor.textSession();
  if (!snapshot.editingId || !session || session.itemId !== snapshot.editingId) return null;
  // Keyed by item: a new edit starts from that item's current text.
  return <EditingField key={session.itemId} editor={editor} snapshot={snapshot} session={session} />;
}

function EditingField({
  editor,
  snapshot,
  session,
}: {
  editor: Editor;
  snapshot: EditorSnapshot;
  session: TextSession;
}) {
  const { board, viewport, language } = snapshot;
  const item = itemsById(board).get(session.itemId);
  const field = useRef<HTMLTextAreaElement>(null);
  // Read once: after mount the field is written only by the user and by remote changes.
  const [initial] = useState(() => session.value());

  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    const off = session.onRemoteChange((next, mapIndex) => {
      const start = mapIndex(element.selectionStart);
      const end = mapIndex(element.selectionEnd);
      const direction = element.selectionDirection;
      element.value = next;
      element.setSelectionRange(start, end, direction);
    });
    // Whatever arrived between the first render and now.
    if (element.value !== session.value()) element.value = session.value();
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
    return off;
  }, [session]);

  const definition = item && kindDefinition(item.kind);
  if (!item || !definition?.traits.editsTextInPlace) return null;
  const metrics = definition.text;
  const topLeft = boardToScreen(viewport, { x: item.x, y: item.y });
  const zoom = viewport.zoom;
  return (
    <textarea
      ref={field}
      className={`text-editor text-${item.kind}`}
      aria-label={`${kindLabel(language, item.kind)}: ${t(language, 'inspector.text')}`}
      defaultValue={initial}
      maxLength={MAX_TEXT_LENGTH}
      spellCheck
      style={{
        left: topLeft.x + metrics.left * zoom,
        top: topLeft.y + metrics.top * zoom,
        width: (item.w - 2 * metrics.left) * zoom,
        // A title of fixed lines gets room for them; a growing card the room its text has.
        height:
          (metrics.maxLines !== undefined
            ? metrics.maxLines * metrics.fontSize * metrics.lineHeight + 4
            : displayedItem(item).h - metrics.top - metrics.bottom / 2) * zoom,
        fontSize: metrics.fontSize * zoom,
        fontWeight: metrics.weight,
        fontFamily: FONT_FAMILY,
        color: item.kind === 'ambition' ? '#ffffff' : undefined,
      }}
      onChange={(event) => session.input(event.target.value, event.target.selectionEnd)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          editor.stopEditing();
        }
        event.stopPropagation();
      }}
      onBlur={() => editor.stopEditing()}
    />
  );
}

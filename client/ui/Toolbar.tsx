/**
 * The tools: one button per kind, named after it in the current language, plus select and
 * link. A pointer click arms a tool (then click the canvas); a keyboard press creates the
 * item at the centre of the screen right away, so no pointer is ever needed.
 */
import type { MouseEvent } from 'react';
import type { ItemKind } from '../../shared/itemKinds';
import { kindLabel } from '../../shared/i18n';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { ToolIcon } from './icons';
import { CLIENT_KINDS, TOOLBAR_KINDS } from '../kinds/registry';
import { t } from './strings';

interface ToolbarProps {
  editor: Editor;
  snapshot: EditorSnapshot;
  onOpenLinkDialog(): void;
}

/** The floating tool bar. */
export function Toolbar({ editor, snapshot, onOpenLinkDialog }: ToolbarProps) {
  const { language, tool, readOnly } = snapshot;
  const pickKind = (kind: ItemKind, event: MouseEvent) => {
    // detail is 0 for clicks made with Enter or Space on the focused button.
    if (event.detail === 0) editor.createItem(kind);
    else editor.setTool(tool === kind ? 'select' : kind);
  };
  const pickLink = (event: MouseEvent) => {
    if (event.detail === 0 && snapshot.selection.length === 1) onOpenLinkDialog();
    else editor.setTool(tool === 'link' ? 'select' : 'link');
  };
  if (readOnly) return null;
  return (
    <div className="toolbar" role="toolbar" aria-label={t(language, 'toolbar.label')}>
      <button
        type="button"
        className="tool"
        aria-label={t(language, 'tool.select')}
        aria-pressed={tool === 'select'}
        title={`${t(language, 'tool.select')} (V)`}
        onClick={() => editor.setTool('select')}
      >
        <ToolIcon name="select" />
      </button>
      {TOOLBAR_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`tool tool-${kind}`}
          aria-label={kindLabel(language, kind)}
          aria-pressed={tool === kind}
          title={`${kindLabel(language, kind)} (${CLIENT_KINDS[kind].shortcut.toUpperCase()})`}
          onClick={(event) => pickKind(kind, event)}
        >
          <ToolIcon name={kind} />
        </button>
      ))}
      <button
        type="button"
        className="tool"
        aria-label={t(language, 'tool.link')}
        aria-pressed={tool === 'link'}
        title={`${t(language, 'tool.link')} (L)`}
        onClick={pickLink}
      >
        <ToolIcon name="link" />
      </button>
    </div>
  );
}

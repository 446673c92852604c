/** An item's menu, opened by a long press on a tablet or a right click: every action at finger size. */
import { useEffect, useRef } from 'react';
import type { Point } from '../../shared/geometry';
import type { Editor, EditorSnapshot } from '../editor/editor';
import { t } from './strings';

interface ItemMenuProps {
  editor: Editor;
  snapshot: EditorSnapshot;
  itemId: string;
  at: Point;
  onLink(): void;
  onClose(): void;
  /** Actions offered first, by name (a dot during a vote). */
  extra?: readonly (readonly [string, () => void])[];
}

/** The context menu of one item. */
export function ItemMenu({ editor, snapshot, itemId, at, onLink, onClose, extra = [] }: ItemMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const { language } = snapshot;
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('keydown', escape, true);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('keydown', escape, true);
    };
  }, [onClose]);
  const act = (action: () => void) => () => {
    editor.select([itemId]);
    action();
    onClose();
  };
  const actions: (readonly [string, () => void])[] = [
    ...extra,
    [t(language, 'menu.edit'), () => editor.startEditing(itemId)],
    [t(language, 'tool.link'), onLink],
    [t(language, 'action.duplicate'), () => editor.duplicateSelection()],
    [t(language, 'action.front'), () => editor.bringToFront()],
    [t(language, 'action.back'), () => editor.sendToBack()],
    [t(language, 'action.delete'), () => editor.deleteSelection()],
  ];
  return (
    <div
      ref={menu}
      className="item-menu"
      role="menu"
      aria-label={t(language, 'menu.label')}
      style={{ left: at.x, top: at.y }}
    >
      {actions.map(([name, action]) => (
        <button key={name} type="button" role="menuitem" onClick={act(action)}>
          {name}
        </button>
      ))}
    </div>
  );
}

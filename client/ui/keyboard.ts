/**
 * Keyboard shortcuts as data: a key maps to an action on the editor. Every tool also has a
 * button; these are for speed and for people who never use a pointer.
 */
import type { Editor } from '../editor/editor';
import { kindForShortcut } from '../kinds/registry';

/** True when a key event comes from a field where typing is text, not a command. */
export function isTyping(event: Event): boolean {
  const target = event.target;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Handles one keydown; returns true when it was a shortcut. */
export function handleShortcut(editor: Editor, event: KeyboardEvent, openLinkDialog: () => void): boolean {
  const snap = editor.getSnapshot();
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const step = event.shiftKey ? 50 : 10;
  if (mod && key === 'z') {
    if (event.shiftKey) editor.redo();
    else editor.undo();
    return true;
  }
  if (mod && key === 'y') return (editor.redo(), true);
  if (mod && key === 'a') return (editor.selectAll(), true);
  if (mod && key === 'd') return (editor.duplicateSelection(), true);
  if (mod && event.key === ']') return (editor.bringToFront(), true);
  if (mod && event.key === '[') return (editor.sendToBack(), true);
  if (mod) return false;
  if (event.key === 'Escape') {
    if (snap.pendingLink) editor.cancelPendingLink();
    else if (snap.tool !== 'select') editor.setTool('select');
    else editor.clearSelection();
    return true;
  }
  if (event.key === 'Delete' || event.key === 'Backspace') return (editor.deleteSelection(), true);
  if (event.key === 'Enter') {
    if (snap.tool !== 'select' && snap.tool !== 'link') return (editor.createItem(snap.tool), true);
    if (snap.selection.length === 1 && snap.selection[0])
      return (editor.startEditing(snap.selection[0]), true);
    return false;
  }
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const arrow = arrows[event.key];
  if (arrow) {
    if (snap.selection.length > 0) editor.moveSelection(arrow[0], arrow[1]);
    else editor.panBy(-arrow[0] * 4, -arrow[1] * 4);
    return true;
  }
  if (event.key === '+' || event.key === '=') return (editor.zoomBy(1.25), true);
  if (event.key === '-' || event.key === '_') return (editor.zoomBy(0.8), true);
  if (event.key === '0') return (editor.resetZoom(), true);
  if (event.key === '!' || (event.shiftKey && event.code === 'Digit1')) return (editor.zoomToFit(), true);
  if (key === 'v') return (editor.setTool('select'), true);
  if (key === 'l') {
    if (snap.selection.length === 1) openLinkDialog();
    else editor.setTool('link');
    return true;
  }
  const kind = kindForShortcut(key);
  if (kind && !event.shiftKey && !event.altKey) return (editor.setTool(kind), true);
  return false;
}

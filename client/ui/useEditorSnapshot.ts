/** Subscribes a component to the editor's snapshot. */
import { useSyncExternalStore } from 'react';
import type { Editor, EditorSnapshot } from '../editor/editor';

/** The editor's current snapshot; re-renders when it changes. */
export function useEditorSnapshot(editor: Editor): EditorSnapshot {
  return useSyncExternalStore(editor.subscribe, editor.getSnapshot);
}

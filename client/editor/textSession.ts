/**
 * Editing one item's text in place. Local keystrokes become minimal Y.Text edits at the caret,
 * and edits arriving from others are reported with a function that moves the caret along,
 * so two people typing in one card both keep their words and their cursors.
 */
import * as Y from 'yjs';
import { setText } from '../../shared/commands';
import { MAX_TEXT_LENGTH } from '../../shared/kinds/base';
import { toWellFormed } from '../../shared/wellFormed';
import { entryMap, getItems } from '../../shared/ydoc';
import { textChange } from './textChange';

/** A live binding between one item's Y.Text and a text field. */
export interface TextSession {
  readonly itemId: string;
  /** The current text. */
  value(): string;
  /** Applies what the user typed; `caret` (where it is now) says where the keystroke went. */
  input(next: string, caret?: number): void;
  /** Reports others' edits: the new text and a function mapping an old caret index to a new one. */
  onRemoteChange(listener: (value: string, mapIndex: (index: number) => number) => void): () => void;
  close(): void;
}

/** Opens a session on an item's text; null when the item is gone. */
export function openTextSession(doc: Y.Doc, itemId: string, origin: unknown): TextSession | null {
  const map = entryMap(getItems(doc), itemId);
  if (!map) return null;
  let ytext = map.get('text');
  if (!(ytext instanceof Y.Text)) {
    // setText creates the Y.Text for items written by other programs with plain strings.
    setText(doc, itemId, typeof ytext === 'string' ? ytext : '', origin);
    ytext = map.get('text');
  }
  const text = ytext as Y.Text;
  const listeners = new Set<(value: string, mapIndex: (index: number) => number) => void>();
  const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    const delta = event.delta;
    const mapIndex = (index: number) => transformIndex(delta, index);
    listeners.forEach((listener) => listener(text.toString(), mapIndex));
  };
  text.observe(observer);
  return {
    itemId,
    value: () => text.toString(),
    input(next, caret) {
      const wellFormed = toWellFormed(next);
      if (wellFormed.length > MAX_TEXT_LENGTH || entryMap(getItems(doc), itemId)?.get('text') !== text) {
        // Too long, gone or replaced: setText handles (or refuses) it as for any other writer.
        setText(doc, itemId, wellFormed, origin);
        return;
      }
      const change = textChange(text.toString(), wellFormed, caret);
      if (!change) return;
      doc.transact(() => {
        if (change.remove > 0) text.delete(change.index, change.remove);
        if (change.insert) text.insert(change.index, change.insert);
      }, origin);
    },
    onRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      text.unobserve(observer);
      listeners.clear();
    },
  };
}

/**
 * Where a caret at `index` of the old text ends up after a Yjs text delta. Text inserted
 * before the caret pushes it right (text inserted exactly at the caret does not: the local
 * user keeps typing where they were); deleted text before it pulls it left.
 */
export function transformIndex(
  delta: readonly { insert?: unknown; delete?: number; retain?: number }[],
  index: number,
): number {
  let oldPosition = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPosition > index) break;
    if (op.retain !== undefined) {
      oldPosition += op.retain;
    } else if (op.insert !== undefined) {
      if (oldPosition < index) shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (index > oldPosition) shift -= Math.min(op.delete, index - oldPosition);
      oldPosition += op.delete;
    }
  }
  return Math.max(0, index + shift);
}

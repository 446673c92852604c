/**
 * One export job as an export worker runs it (exportWorker.mjs loads this): the board's stored
 * update log in, the file out. Merging the log, migrating, reading the board and rendering all
 * happen here, off the server's event loop; a 20,000-item board costs seconds of each.
 *
 *   const file = await renderExport({ updates, format: 'svg', now: Date.now() });
 */
import * as Y from 'yjs';
import { BoardUnreadableError, readState } from '../boards/boardState';
import type { Language } from '../../shared/ydoc';
import { exportBoard, type ExportFormat } from './exportBoard';

/** What a worker needs for one export. */
export interface ExportTask {
  /** The content document as stored: one or more Yjs updates. */
  readonly updates: readonly Uint8Array[];
  readonly format: ExportFormat;
  /** Epoch ms the report names as its export time. */
  readonly now: number;
  /** The report's language; the board's when absent. */
  readonly language?: Language;
}

/**
 * A rendered export (the file name is made by the caller: it holds the request's date), or
 * why the document cannot be read, so the caller can fall back to a snapshot.
 */
export type RenderedExport =
  | { readonly body: Uint8Array; readonly title: string; readonly items: number }
  | { readonly unreadable: { readonly status: number; readonly code: string; readonly reason: string } };

/** Renders one export job. */
export async function renderExport(task: ExportTask): Promise<RenderedExport> {
  const state = task.updates.length === 1 ? task.updates[0]! : Y.mergeUpdates([...task.updates]);
  let board;
  try {
    board = readState(state);
  } catch (error) {
    if (!(error instanceof BoardUnreadableError)) throw error;
    const { httpStatus, error: code, reason } = error.problem;
    return { unreadable: { status: httpStatus, code, reason } };
  }
  const file = await exportBoard(board, task.format, { now: new Date(task.now), language: task.language });
  return { body: file.body, title: board.meta.title, items: board.items.length };
}

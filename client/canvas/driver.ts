/**
 * Where the canvas gets its live camera, interaction state and tool machine from. Until the
 * editor has them (helper "tools"), a stand-in in ./standin provides the same shapes; the swap
 * to `editor.camera`, `editor.interaction` and `createToolMachine(editor, host)` is this file.
 */
import type { Editor } from '../editor/editor';
import type { Interaction, ToolHost, ToolMachine } from '../editor/tools/types';
import type { Viewport } from '../editor/viewport';
import { createStandinDriver } from './standin/tools';

/** What the canvas reads and feeds. */
export interface CanvasDriver {
  readonly camera: { get(): Viewport; subscribe(listener: () => void): () => void };
  readonly interaction: { get(): Interaction; subscribe(listener: () => void): () => void };
  readonly machine: ToolMachine;
}

/** Creates the driver for an editor. */
export function createDriver(editor: Editor, host: ToolHost): CanvasDriver {
  return createStandinDriver(editor, host);
}

/**
 * Where the canvas gets its live camera, interaction state and tool machine from: the editor
 * and its tools. One place, so the canvas never reaches into the editor for anything else.
 */
import type { Editor } from '../editor/editor';
import { createToolMachine } from '../editor/tools';
import type { Interaction, ToolHost, ToolMachine } from '../editor/tools/types';
import type { Viewport } from '../editor/viewport';

/** What the canvas reads and feeds. */
export interface CanvasDriver {
  readonly camera: { get(): Viewport; subscribe(listener: () => void): () => void };
  readonly interaction: { get(): Interaction; subscribe(listener: () => void): () => void };
  readonly machine: ToolMachine;
}

/** Creates the driver for an editor. */
export function createDriver(editor: Editor, host: ToolHost): CanvasDriver {
  return { camera: editor.camera, interaction: editor.interaction, machine: createToolMachine(editor, host) };
}

/**
 * What every tool state shares: the editor, the host, and a way to change state and show
 * the gesture. A state is a plain object of handlers; it goes back to idle through the
 * context, so states never import the idle state (and there are no import cycles).
 */
import type { Editor } from '../editor';
import type { Interaction, ToolHost, ToolPointer } from './types';

/** One state of the tool machine. */
export interface ToolState {
  /** Shown as `interaction.state`. */
  readonly name: string;
  /** The pointer this state follows; others are ignored while it runs. */
  readonly pointerId?: number;
  pointerDown?(event: ToolPointer): void;
  pointerMove?(event: ToolPointer): void;
  pointerUp?(event: ToolPointer): void;
  /** Ends the gesture without committing anything to the document. */
  cancel?(): void;
}

/** The machine as seen from inside a state. */
export interface ToolContext {
  readonly editor: Editor;
  readonly host: ToolHost;
  /** Enters a state: the transient parts of the interaction are cleared, then `patch` applied. */
  go(state: ToolState, patch?: Partial<Interaction>): void;
  /** Back to idle, clearing whatever the gesture showed. */
  idle(): void;
  /** Cancels the running state (nothing committed) and goes idle. */
  abort(): void;
  /** Changes what the gesture shows; a patch that changes nothing notifies nobody. */
  show(patch: Partial<Interaction>): void;
}

/** Screen pixels a pointer may wander before a press becomes a drag. */
export const DRAG_THRESHOLD_PX = 3;

/** Distance between two screen points. */
export function screenDistance(a: ToolPointer, b: ToolPointer): number {
  return Math.hypot(a.screen.x - b.screen.x, a.screen.y - b.screen.y);
}

/** The cursor when nothing is under the pointer: grab while space is held, a crosshair for placing tools. */
export function restingCursor(editor: Editor, space: boolean): string {
  if (space) return 'grab';
  const { tool, readOnly } = editor.getSnapshot();
  return tool === 'select' || readOnly ? 'default' : 'crosshair';
}

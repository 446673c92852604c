/**
 * The contract between the canvas and the tools. The canvas translates DOM pointer events
 * into `ToolPointer`s (board coordinates through the editor's camera) and renders the
 * editor's `interaction` state; the tools are state machines that decide what a gesture
 * means and call the editor. Nothing here knows about Konva or React.
 */
import type { Point, Rect } from '../../../shared/geometry';

/** One pointer event, already in board coordinates. */
export interface ToolPointer {
  /** Where on the board. */
  readonly point: Point;
  /** Where on the canvas element, in CSS pixels (pans and pinches work in these). */
  readonly screen: Point;
  readonly pointerId: number;
  readonly pointerType: 'mouse' | 'pen' | 'touch';
  /** 0 primary, 1 middle, 2 secondary. */
  readonly button: number;
  readonly shift: boolean;
  /** Ctrl or Meta. */
  readonly mod: boolean;
  /** Space held: the primary button pans. */
  readonly space: boolean;
  /** `performance.now()`-like time in ms. */
  readonly time: number;
}

/** A wheel turn on the canvas. */
export interface ToolWheel {
  readonly screen: Point;
  readonly deltaX: number;
  readonly deltaY: number;
  /** Ctrl or Meta (trackpad pinches arrive as ctrl+wheel). */
  readonly mod: boolean;
  readonly shift: boolean;
}

/** What is under a board point, topmost first: a handle of the selection, an item, a link, or nothing. */
export type Hit =
  | { readonly type: 'handle'; readonly itemId: string; readonly handle: HandleName }
  | { readonly type: 'item'; readonly itemId: string }
  | { readonly type: 'link'; readonly linkId: string }
  | { readonly type: 'none' };

/** Resize corners of a box, the two ends of a boundary line, and the link handle. */
export type HandleName = 'nw' | 'ne' | 'sw' | 'se' | 'start' | 'end' | 'link';

/**
 * The transient state of a gesture, for the canvas to draw. It lives in its own store on
 * the editor so a drag or pan never re-renders the panels.
 */
export interface Interaction {
  /** Items being dragged and how far, in board units (the document changes on release). */
  readonly drag: { readonly ids: ReadonlySet<string>; readonly dx: number; readonly dy: number } | null;
  /** An item being resized (or a boundary end moved): its box as it would be. */
  readonly resize: { readonly id: string; readonly box: Rect } | null;
  /** The marquee rectangle in board units. */
  readonly marquee: Rect | null;
  /** A link being drawn from an item to a board point. */
  readonly linkDraft: { readonly from: string; readonly to: Point } | null;
  /** The name of the active state, for tests and for the cursor. */
  readonly state: string;
  /** CSS cursor for the canvas. */
  readonly cursor: string;
}

/** A state machine that turns pointer events into editor calls. */
export interface ToolMachine {
  pointerDown(event: ToolPointer): void;
  pointerMove(event: ToolPointer): void;
  pointerUp(event: ToolPointer): void;
  /** The browser took the pointer away (pointercancel, lost capture): undo the gesture. */
  pointerCancel(event: ToolPointer): void;
  doubleClick(event: ToolPointer): void;
  /** Right click or long press: the item's menu, through `ToolHost.openItemMenu`. */
  contextMenu(event: ToolPointer): void;
  wheel(event: ToolWheel): void;
  /** Escape, blur or a lost window: end any gesture without committing it. */
  cancel(): void;
  /** Stops timers (long press) and listeners. */
  dispose(): void;
}

/** What the tools need from the world besides the editor. */
export interface ToolHost {
  /** The item's menu at a point on the canvas element (CSS pixels). */
  openItemMenu(itemId: string, screen: Point): void;
  /** Timers, injectable so headless tests control the long press. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

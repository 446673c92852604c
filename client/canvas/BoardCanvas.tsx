/**
 * The board canvas: turns DOM pointer events into tool pointers for the tool machine and draws
 * the board from caches. Two layers that never listen (no hit graph): the static scene, one
 * shape that copies from the scene cache, and the overlay with whatever a gesture moves. The
 * camera moves outside React: each move redraws the two shapes and the CSS grid, nothing else.
 */
import type Konva from 'konva';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import type { Point } from '../../shared/geometry';
import type { BoardReadModel } from '../../shared/readBoard';
import type { Language } from '../../shared/ydoc';
import type { Editor, Tool } from '../editor/editor';
import type { ToolHost, ToolPointer } from '../editor/tools/types';
import { screenToBoard } from '../editor/viewport';
import { createDriver } from './driver';
import type { CrossingBadge, Highlight } from './highlight';
import { createRenderer } from './render/renderer';
import { MARGIN_CSS_PX } from './render/sceneCache';
import { CANVAS_BACKGROUND } from './theme';
import { useSpaceHeld } from './useSpaceHeld';

/** What the canvas shows and what it reports. */
export interface BoardCanvasProps {
  editor: Editor;
  board: BoardReadModel;
  /** The size of the canvas element as the editor knows it. */
  width: number;
  height: number;
  selection: readonly string[];
  selectedLink: string | null;
  tool: Tool;
  readOnly: boolean;
  language: Language;
  /** The paths through the selection; everything else is dimmed. */
  highlight: Highlight | null;
  /** Crossing badges per link id. */
  badges: ReadonlyMap<string, readonly CrossingBadge[]>;
  /** Items the facilitator locked: drawn with a lock. */
  lockedItems?: ReadonlySet<string>;
  onResizeViewport(width: number, height: number): void;
  /** Where our pointer is on the board (null when it left), for others' cursors. */
  onCursor(point: Point | null): void;
  /** Long press (touch) or right click on an item: open its menu at a point in the canvas. */
  onItemMenu(id: string, at: Point): void;
  /** Called after every drawing of the scene (the automation surface counts the first). */
  onDrawn?(): void;
}

const NO_IDS: ReadonlySet<string> = new Set();
/** Two taps this close in time (ms) and place (CSS px) are a double tap. */
const DOUBLE_TAP_MS = 350;
const DOUBLE_TAP_PX = 24;

/**
 * Props equal but for callbacks: the parent re-renders whenever the camera commits, and the
 * canvas reads its callbacks through a ref, so a new arrow function alone is no reason to render.
 */
function sameProps(a: BoardCanvasProps, b: BoardCanvasProps): boolean {
  return (Object.keys(b) as (keyof BoardCanvasProps)[]).every(
    (key) => typeof b[key] === 'function' || a[key] === b[key],
  );
}

/** The canvas. */
export const BoardCanvas = memo(function BoardCanvas(props: BoardCanvasProps) {
  const { editor, selectedLink, language, highlight, badges } = props;
  const lockedItems = props.lockedItems ?? NO_IDS;
  const container = useRef<HTMLDivElement>(null);
  const space = useSpaceHeld();
  // Event handlers and draw functions read the newest props through this ref.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const [renderer] = useState(createRenderer);
  useEffect(() => () => renderer.dispose(), [renderer]);
  const sceneLayer = useCallback((layer: Konva.Layer | null) => renderer.sceneLayer(layer), [renderer]);
  const overlayLayer = useCallback((layer: Konva.Layer | null) => renderer.overlayLayer(layer), [renderer]);
  const drawScene = useCallback(
    (context: Konva.Context, shape: Konva.Shape) => renderer.drawScene(context, shape),
    [renderer],
  );
  const drawOverlay = useCallback(
    (context: Konva.Context, shape: Konva.Shape) => renderer.drawOverlay(context, shape),
    [renderer],
  );
  const driver = useMemo(() => {
    const host: ToolHost = {
      openItemMenu: (id, at) => renderer.openItemMenu(id, at),
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    };
    return createDriver(editor, host);
  }, [editor, renderer]);
  useEffect(() => () => driver.machine.dispose(), [driver]);

  const cursor = () => {
    const element = container.current;
    if (!element) return;
    const gesture = driver.interaction.get().cursor;
    const p = latest.current;
    element.style.cursor = space.ref.current
      ? 'grab'
      : gesture !== 'default'
        ? gesture
        : p.tool === 'select' || p.readOnly
          ? 'default'
          : 'crosshair';
  };

  // Whatever React changed (board, selection, highlight, tool) is drawn once per render.
  useLayoutEffect(() => {
    renderer.update(
      {
        board: props.board,
        selection: props.selection,
        selectedLink,
        editable: !props.readOnly && props.tool === 'select',
        language,
        highlight,
        badges,
        locked: lockedItems,
      },
      driver,
      { onDrawn: props.onDrawn, onItemMenu: props.onItemMenu },
    );
    renderer.redraw();
    cursor();
  });

  // The camera and the gesture state move without React: each change redraws the shapes.
  useEffect(() => {
    const onCamera = () => renderer.cameraMoved();
    const onInteraction = () => {
      renderer.redraw();
      cursor();
    };
    onCamera();
    const offCamera = driver.camera.subscribe(onCamera);
    const offInteraction = driver.interaction.subscribe(onInteraction);
    return () => {
      offCamera();
      offInteraction();
    };
    // cursor() reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [driver, renderer]);

  // The stage waits for the element's real size: made at the editor's guess, its canvases and
  // the scene cache would be allocated and painted twice on open (a bitmap of the screen and
  // its margins costs tens of ms to allocate, and the first resize also fits the board).
  const [sized, setSized] = useState(false);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    // Rounded as the resize observer below rounds it (clientHeight rounds 701.3 to 702, say):
    // a size one pixel off would be reported again at once and repaint everything.
    const { width, height } = element.getBoundingClientRect();
    latest.current.onResizeViewport(Math.round(width), Math.round(height));
    setSized(true);
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry)
        latest.current.onResizeViewport(
          Math.round(entry.contentRect.width),
          Math.round(entry.contentRect.height),
        );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // DOM events, translated to tool pointers in board coordinates.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { machine } = driver;
    const toPointer = (event: MouseEvent | PointerEvent): ToolPointer => {
      const box = element.getBoundingClientRect();
      const screen = { x: event.clientX - box.left, y: event.clientY - box.top };
      const type = 'pointerType' in event ? event.pointerType : 'mouse';
      return {
        point: screenToBoard(driver.camera.get(), screen),
        screen,
        pointerId: 'pointerId' in event ? event.pointerId : 1,
        pointerType: type === 'touch' || type === 'pen' ? type : 'mouse',
        button: event.button,
        shift: event.shiftKey,
        mod: event.ctrlKey || event.metaKey,
        space: space.ref.current,
        time: event.timeStamp,
      };
    };
    const down = (event: PointerEvent) => {
      const p = latest.current;
      if (
        p.tool !== 'select' &&
        p.tool !== 'link' &&
        !p.readOnly &&
        event.button === 0 &&
        !space.ref.current
      ) {
        // Without this, the mousedown that follows moves focus away from the new item's text field.
        event.preventDefault();
      }
      try {
        element.setPointerCapture(event.pointerId);
      } catch {
        // A pointer that is already gone cannot be captured; its events still arrive.
      }
      machine.pointerDown(toPointer(event));
    };
    const move = (event: PointerEvent) => {
      const pointer = toPointer(event);
      if (event.pointerType === 'mouse' || event.pointerType === 'pen')
        latest.current.onCursor(pointer.point);
      machine.pointerMove(pointer);
    };
    // Two quick taps of a finger are a double click: browsers do not promise one for touch.
    let lastTap: { time: number; screen: Point } | null = null;
    let tappedTwice = -Infinity;
    const up = (event: PointerEvent) => {
      const pointer = toPointer(event);
      machine.pointerUp(pointer);
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      if (event.pointerType !== 'touch') return;
      const near =
        lastTap &&
        pointer.time - lastTap.time < DOUBLE_TAP_MS &&
        Math.hypot(pointer.screen.x - lastTap.screen.x, pointer.screen.y - lastTap.screen.y) < DOUBLE_TAP_PX;
      lastTap = near ? null : { time: pointer.time, screen: pointer.screen };
      if (near) {
        tappedTwice = pointer.time;
        machine.doubleClick(pointer);
      }
    };
    const cancel = (event: PointerEvent) => machine.pointerCancel(toPointer(event));
    const leave = () => latest.current.onCursor(null);
    const dblclick = (event: MouseEvent) => {
      // The browser's own dblclick after a double tap was already handled above.
      if (event.timeStamp - tappedTwice > DOUBLE_TAP_MS) machine.doubleClick(toPointer(event));
    };
    const contextmenu = (event: MouseEvent) => {
      event.preventDefault();
      machine.contextMenu(toPointer(event));
    };
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      const { screen } = toPointer(event);
      machine.wheel({
        screen,
        deltaX: event.deltaX,
        deltaY: event.deltaY,
        mod: event.ctrlKey || event.metaKey,
        shift: event.shiftKey,
      });
    };
    const blur = () => machine.cancel();
    // One signal removes every listener, so adding one never needs a matching removal.
    const listeners = new AbortController();
    const { signal } = listeners;
    element.addEventListener('pointerdown', down, { signal });
    element.addEventListener('pointermove', move, { signal });
    element.addEventListener('pointerup', up, { signal });
    element.addEventListener('pointercancel', cancel, { signal });
    element.addEventListener('pointerleave', leave, { signal });
    element.addEventListener('dblclick', dblclick, { signal });
    element.addEventListener('contextmenu', contextmenu, { signal });
    element.addEventListener('wheel', wheel, { passive: false, signal });
    window.addEventListener('blur', blur, { signal });
    return () => listeners.abort();
  }, [driver, space.ref]);

  return (
    <div ref={container} className="canvas" style={{ background: CANVAS_BACKGROUND, overflow: 'hidden' }}>
      {/* The layers reach a margin beyond every edge: a pan moves them, the cache fills them. */}
      {sized && (
        <Stage
          width={props.width + 2 * MARGIN_CSS_PX}
          height={props.height + 2 * MARGIN_CSS_PX}
          listening={false}
          style={{ position: 'absolute', left: -MARGIN_CSS_PX, top: -MARGIN_CSS_PX }}
        >
          <Layer ref={sceneLayer} listening={false}>
            <Shape sceneFunc={drawScene} listening={false} perfectDrawEnabled={false} />
          </Layer>
          <Layer ref={overlayLayer} listening={false}>
            <Shape sceneFunc={drawOverlay} listening={false} perfectDrawEnabled={false} />
          </Layer>
        </Stage>
      )}
    </div>
  );
}, sameProps);

/**
 * The board canvas: draws the visible part of the read model with react-konva and turns
 * pointer gestures into callbacks. It never touches the document; the editor does.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Arrow, Layer, Rect, Stage } from 'react-konva';
import {
  inflateRect,
  itemBounds,
  rectFromPoints,
  rectsIntersect,
  topItemAt,
  type Point,
  type Rect as Box,
} from '../../shared/geometry';
import type { ItemKind } from '../../shared/itemKinds';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import type { BoardItem } from '../../shared/schema';
import type { Language } from '../../shared/ydoc';
import type { Tool } from '../editor/editor';
import { panBy, visibleRect, zoomAt, type Viewport } from '../editor/viewport';
import { displayItem } from './displayGeometry';
import { Grid } from './Grid';
import { ItemNode, type ItemHandlers } from './ItemNode';
import type { CrossingBadge, Highlight } from './highlight';
import { captionLevel, LinkArrow } from './LinkArrow';
import { findItemNode, SelectionOverlay } from './SelectionOverlay';
import { CANVAS_BACKGROUND, SELECTION } from './theme';
import { createTouchInput } from './touchInput';
import { useSpaceHeld } from './useSpaceHeld';

/** What the canvas shows and what it reports. */
export interface BoardCanvasProps {
  board: BoardReadModel;
  viewport: Viewport;
  selection: readonly string[];
  selectedLink: string | null;
  tool: Tool;
  readOnly: boolean;
  language: Language;
  /** The paths through the selection; everything else is dimmed. */
  highlight: Highlight | null;
  /** Crossing badges per link id. */
  badges: ReadonlyMap<string, readonly CrossingBadge[]>;
  /** Items the facilitator locked: drawn with a lock (the editor refuses participants' changes). */
  lockedItems?: ReadonlySet<string>;
  onViewport(viewport: Viewport): void;
  onResizeViewport(width: number, height: number): void;
  onSelect(ids: string[], additive: boolean): void;
  onToggle(id: string): void;
  onMarquee(rect: Box, additive: boolean): void;
  onClearSelection(): void;
  onCreate(kind: ItemKind, at: Point): void;
  onMove(ids: readonly string[], dx: number, dy: number): void;
  onResize(id: string, box: Box): void;
  onEdit(id: string): void;
  onLink(from: string, to: string): void;
  onSelectLink(id: string): void;
  /** Where our pointer is on the board (null when it left), for others' cursors. */
  onCursor(point: Point | null): void;
  /** Long press (touch) or right click on an item: open its menu at a point in the canvas. */
  onItemMenu(id: string, at: Point): void;
}

type Gesture =
  | { type: 'pan'; last: Point }
  | { type: 'marquee'; start: Point; additive: boolean }
  | { type: 'link'; from: BoardItem }
  | null;

interface DragState {
  /** Set when a second finger turns the drag into a pinch: the drag ends without moving anything. */
  cancelled?: boolean;
  ids: ReadonlySet<string>;
  starts: ReadonlyMap<string, Point>;
  /** Nodes lifted onto the drag layer, with the place in the items layer they return to. */
  parked: readonly { node: Konva.Node; zIndex: number }[];
  dx: number;
  dy: number;
}

/** How often a running pan or pinch reaches React; in between only the stage's transform moves. */
const COMMIT_MS = 120;

/** Items up to this far outside the screen are drawn too, so cards that grew with their text never pop in. */
const CULL_MARGIN = 400;

/** The canvas. */
export function BoardCanvas(props: BoardCanvasProps) {
  const { board, viewport, selection, selectedLink, tool, readOnly, language, highlight, badges } = props;
  const container = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Konva.Stage | null>(null);
  const gesture = useRef<Gesture>(null);
  const [marquee, setMarquee] = useState<Box | null>(null);
  const [linkDraft, setLinkDraft] = useState<{ from: BoardItem; to: Point } | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const dragRef = useRef<DragState | null>(null);
  const itemsLayer = useRef<Konva.Layer>(null);
  const dragLayer = useRef<Konva.Layer>(null);
  const space = useSpaceHeld();
  const spaceHeld = space.ref;
  // Event handlers read the newest props through this ref, so they can stay stable.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  // The camera moves imperatively: a pan or pinch sets the stage's transform at once and tells
  // React (and so culling, overlays and the store) at most every COMMIT_MS. Re-rendering the
  // tree on every frame is what made panning slow.
  const camera = useRef(viewport);
  const committed = useRef(viewport);
  const commitTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const applyCamera = useCallback((v: Viewport, target: Konva.Stage | null) => {
    if (!target) return;
    target.position({ x: v.offsetX, y: v.offsetY });
    target.scale({ x: v.zoom, y: v.zoom });
    target.batchDraw();
  }, []);
  useLayoutEffect(() => {
    if (
      viewport === committed.current &&
      stage?.x() === viewport.offsetX &&
      stage?.scaleX() === viewport.zoom
    )
      return;
    committed.current = viewport;
    camera.current = viewport;
    applyCamera(viewport, stage);
  }, [viewport, stage, applyCamera]);
  const moveCamera = useCallback(
    (next: Viewport) => {
      camera.current = next;
      applyCamera(next, stage);
      commitTimer.current ??= setTimeout(() => {
        commitTimer.current = null;
        committed.current = camera.current;
        latest.current.onViewport(camera.current);
      }, COMMIT_MS);
    },
    [stage, applyCamera],
  );
  useEffect(
    () => () => {
      if (commitTimer.current) clearTimeout(commitTimer.current);
    },
    [],
  );
  const moveCameraRef = useRef(moveCamera);
  useLayoutEffect(() => {
    moveCameraRef.current = moveCamera;
  }, [moveCamera]);

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

  const area = visibleRect(viewport);
  const culled = inflateRect(area, CULL_MARGIN / viewport.zoom + CULL_MARGIN);
  const detail = viewport.zoom < 0.3 ? 'low' : 'full';
  const captions = captionLevel(viewport.zoom);
  const visibleItems = useMemo(
    () => board.items.filter((item) => rectsIntersect(culled, itemBounds(item))),
    // The culling box only matters through its numbers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board.items, culled.x, culled.y, culled.w, culled.h],
  );
  const byId = itemsById(board);
  const selectedItems = selection
    .map((id) => byId.get(id))
    .filter((item): item is BoardItem => item !== undefined);
  const moved = (item: BoardItem): BoardItem =>
    drag?.ids.has(item.id) ? { ...item, x: item.x + drag.dx, y: item.y + drag.dy } : item;

  const boardPointer = (): Point | null => stage?.getRelativePointerPosition() ?? null;

  const handlers: ItemHandlers = useMemo(
    () => ({
      onItemPointerDown(item, event) {
        const p = latest.current;
        if (event.evt.button === 1 || spaceHeld.current) return; // the stage pans
        event.cancelBubble = true;
        if (event.evt.pointerType === 'touch') touchInput.current?.startLongPress(item.id, event.evt);
        const at = event.target.getStage()?.getRelativePointerPosition();
        if (p.tool !== 'select' && p.tool !== 'link' && !p.readOnly && at) {
          event.evt.preventDefault();
          p.onCreate(p.tool, at);
        } else if (p.tool === 'link' && !p.readOnly) {
          gesture.current = { type: 'link', from: item };
        } else if (event.evt.shiftKey || event.evt.metaKey || event.evt.ctrlKey) {
          p.onToggle(item.id);
        } else if (!p.selection.includes(item.id)) {
          p.onSelect([item.id], false);
        }
      },
      onItemDoubleClick(item) {
        if (!latest.current.readOnly) latest.current.onEdit(item.id);
      },
      onItemDragStart(item) {
        const p = latest.current;
        // A finger that started a pinch on a card must not drag it.
        if (touchInput.current?.pinching()) {
          findItemNode(itemsLayer.current?.getStage() ?? null, item.id)?.stopDrag();
          return;
        }
        const ids = new Set(p.selection.includes(item.id) ? p.selection : [item.id]);
        const all = itemsById(p.board);
        const starts = new Map<string, Point>();
        for (const id of ids) {
          const it = all.get(id);
          if (it) starts.set(id, { x: it.x, y: it.y });
        }
        if (!p.selection.includes(item.id)) p.onSelect([item.id], false);
        // Dragged nodes move to their own layer, so each frame redraws only what moves.
        const parked: { node: Konva.Node; zIndex: number }[] = [];
        for (const id of ids) {
          const node = findItemNode(itemsLayer.current?.getStage() ?? null, id);
          if (node && dragLayer.current) {
            parked.push({ node, zIndex: node.zIndex() });
            node.moveTo(dragLayer.current);
          }
        }
        dragRef.current = { ids, starts, parked, dx: 0, dy: 0 };
        setDrag(dragRef.current);
      },
      onItemDragMove(item, event) {
        const current = dragRef.current;
        const start = current?.starts.get(item.id);
        if (!current || !start) return;
        const dx = event.target.x() - start.x;
        const dy = event.target.y() - start.y;
        // Konva moves the dragged node; the rest of the selection follows imperatively.
        const s = event.target.getStage();
        for (const [id, origin] of current.starts) {
          if (id !== item.id) findItemNode(s, id)?.position({ x: origin.x + dx, y: origin.y + dy });
        }
        dragRef.current = { ...current, dx, dy };
        setDrag(dragRef.current);
      },
      onItemDragEnd(item, event) {
        const current = dragRef.current;
        const start = current?.starts.get(item.id);
        dragRef.current = null;
        setDrag(null);
        if (!current || !start) {
          event.target.position({ x: item.x, y: item.y });
          return;
        }
        const dx = current.cancelled ? 0 : Math.round(event.target.x() - start.x);
        const dy = current.cancelled ? 0 : Math.round(event.target.y() - start.y);
        const s = event.target.getStage();
        // Put every node back in its layer and place, where the data says; the committed move re-renders them.
        for (const { node, zIndex } of [...current.parked].sort((a, b) => a.zIndex - b.zIndex)) {
          if (itemsLayer.current) node.moveTo(itemsLayer.current);
          node.zIndex(Math.min(zIndex, (node.getParent()?.children.length ?? 1) - 1));
        }
        for (const [id, origin] of current.starts) findItemNode(s, id)?.position(origin);
        latest.current.onMove([...current.ids], dx, dy);
      },
    }),
    [spaceHeld],
  );

  const onWheel = useCallback(
    (event: Konva.KonvaEventObject<WheelEvent>) => {
      event.evt.preventDefault();
      const v = camera.current;
      const pointer = event.target.getStage()?.getPointerPosition() ?? { x: v.width / 2, y: v.height / 2 };
      if (event.evt.ctrlKey || event.evt.metaKey) {
        // Trackpad pinches arrive as ctrl+wheel; small deltas, so an exponential feels even.
        moveCamera(zoomAt(v, v.zoom * Math.exp(-event.evt.deltaY * 0.01), pointer));
      } else if (event.evt.shiftKey) {
        moveCamera(panBy(v, -event.evt.deltaY, -event.evt.deltaX));
      } else {
        moveCamera(panBy(v, -event.evt.deltaX, -event.evt.deltaY));
      }
    },
    [moveCamera],
  );

  const onPointerDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
    if (touchInput.current?.pinching()) return;
    const p = latest.current;
    const at = boardPointer();
    if (!at) return;
    if (event.evt.button === 1 || spaceHeld.current) {
      gesture.current = { type: 'pan', last: { x: event.evt.clientX, y: event.evt.clientY } };
      return;
    }
    if (event.target !== event.target.getStage()) return;
    if (p.tool !== 'select' && p.tool !== 'link' && !p.readOnly) {
      // Without this, the mousedown that follows moves focus away from the new item's text field.
      event.evt.preventDefault();
      p.onCreate(p.tool, at);
      return;
    }
    const additive = event.evt.shiftKey || event.evt.metaKey || event.evt.ctrlKey;
    if (!additive) p.onClearSelection();
    // One finger on empty canvas pans, as in every map app; a mouse draws a marquee.
    if (event.evt.pointerType === 'touch') {
      gesture.current = { type: 'pan', last: { x: event.evt.clientX, y: event.evt.clientY } };
      return;
    }
    gesture.current = { type: 'marquee', start: at, additive };
  };

  const onPointerMove = (event: Konva.KonvaEventObject<PointerEvent>) => {
    const current = gesture.current;
    if (event.evt.pointerType === 'mouse' || event.evt.pointerType === 'pen') {
      const here = boardPointer();
      if (here) latest.current.onCursor(here);
    }
    if (!current || touchInput.current?.pinching()) return;
    if (current.type === 'pan') {
      const next = { x: event.evt.clientX, y: event.evt.clientY };
      moveCamera(panBy(camera.current, next.x - current.last.x, next.y - current.last.y));
      gesture.current = { type: 'pan', last: next };
      return;
    }
    const at = boardPointer();
    if (!at) return;
    if (current.type === 'marquee') setMarquee(rectFromPoints(current.start, at));
    else setLinkDraft({ from: current.from, to: at });
  };

  const onPointerUp = () => {
    const current = gesture.current;
    gesture.current = null;
    const at = boardPointer();
    if (
      current?.type === 'marquee' &&
      marquee &&
      marquee.w * viewport.zoom > 4 &&
      marquee.h * viewport.zoom > 4
    ) {
      latest.current.onMarquee(marquee, current.additive);
    }
    if (current?.type === 'link' && at) {
      const target = topItemAt(latest.current.board.items.map(displayItem), at, 6 / viewport.zoom);
      if (target && target.id !== current.from.id) latest.current.onLink(current.from.id, target.id);
    }
    setMarquee(null);
    setLinkDraft(null);
  };

  // A gesture that ends outside the canvas (over a panel) still has to end.
  useEffect(() => {
    const end = (event: PointerEvent) => {
      if (event.target instanceof HTMLCanvasElement) return;
      gesture.current = null;
      setMarquee(null);
      setLinkDraft(null);
    };
    window.addEventListener('pointerup', end);
    return () => window.removeEventListener('pointerup', end);
  }, []);

  // Two fingers pinch-zoom around their midpoint; a long press opens an item's menu.
  const touchInput = useRef<ReturnType<typeof createTouchInput> | null>(null);
  useEffect(() => {
    const input = createTouchInput({
      container: () => container.current,
      viewport: () => camera.current,
      onViewport: (v) => moveCameraRef.current(v),
      onPinchStart: () => {
        gesture.current = null;
        setMarquee(null);
        setLinkDraft(null);
        const current = dragRef.current;
        if (current) {
          current.cancelled = true;
          current.parked.forEach(({ node }) => node.stopDrag());
        }
      },
      onLongPress: (id, at) => {
        const current = dragRef.current;
        if (current) {
          current.cancelled = true;
          current.parked.forEach(({ node }) => node.stopDrag());
        }
        latest.current.onItemMenu(id, at);
      },
    });
    touchInput.current = input;
    return input.attach();
  }, []);

  const onContextMenu = (event: Konva.KonvaEventObject<PointerEvent>) => {
    event.evt.preventDefault();
    const node = event.target.findAncestor('.item', true);
    const box = container.current?.getBoundingClientRect();
    if (node && box)
      latest.current.onItemMenu(node.id(), {
        x: event.evt.clientX - box.left,
        y: event.evt.clientY - box.top,
      });
  };

  const selectLink = useCallback((id: string) => latest.current.onSelectLink(id), []);

  const startLink = (item: BoardItem) => {
    gesture.current = { type: 'link', from: item };
  };

  const editable = !readOnly && tool === 'select';
  const cursor = space.held ? 'grab' : tool === 'select' ? 'default' : 'crosshair';
  const draftFrom = linkDraft ? displayItem(linkDraft.from) : null;

  return (
    <div ref={container} className="canvas" style={{ background: CANVAS_BACKGROUND, cursor }}>
      <Stage
        ref={setStage}
        width={viewport.width}
        height={viewport.height}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => latest.current.onCursor(null)}
        onContextMenu={onContextMenu}
      >
        <Layer listening={false}>
          <Grid />
        </Layer>
        <Layer ref={itemsLayer}>
          {visibleItems.map((item) => (
            <ItemNode
              key={item.id}
              item={item}
              detail={detail}
              language={language}
              draggable={editable}
              locked={props.lockedItems?.has(item.id) ?? false}
              dimmed={
                highlight !== null &&
                !highlight.items.has(item.id) &&
                item.kind !== 'boundary' &&
                item.kind !== 'frame'
              }
              handlers={handlers}
            />
          ))}
        </Layer>
        <Layer>
          {board.links.map((link) => {
            const from = byId.get(link.from);
            const to = byId.get(link.to);
            if (!from || !to) return null;
            const a = moved(from);
            const b = moved(to);
            if (!rectsIntersect(culled, itemBounds(a)) && !rectsIntersect(culled, itemBounds(b))) return null;
            return (
              <LinkArrow
                key={link.id}
                link={link}
                from={a}
                to={b}
                selected={link.id === selectedLink}
                emphasis={highlight ? (highlight.links.has(link.id) ? 'on' : 'off') : 'none'}
                badges={badges.get(link.id)}
                captions={captions}
                language={language}
                onSelect={selectLink}
              />
            );
          })}
          <SelectionOverlay
            items={selectedItems}
            dragging={drag !== null}
            zoom={viewport.zoom}
            editable={editable}
            stage={stage}
            onResize={props.onResize}
            onStartLink={startLink}
          />
          {marquee && (
            <Rect
              {...{ x: marquee.x, y: marquee.y, width: marquee.w, height: marquee.h }}
              fill="rgba(11,114,231,0.08)"
              stroke={SELECTION}
              strokeWidth={1 / viewport.zoom}
              listening={false}
            />
          )}
          {linkDraft && draftFrom && (
            <Arrow
              points={[
                draftFrom.x + draftFrom.w / 2,
                draftFrom.y + draftFrom.h / 2,
                linkDraft.to.x,
                linkDraft.to.y,
              ]}
              stroke={SELECTION}
              fill={SELECTION}
              strokeWidth={2.5 / viewport.zoom}
              dash={[8 / viewport.zoom, 6 / viewport.zoom]}
              listening={false}
            />
          )}
        </Layer>
        <Layer ref={dragLayer} />
      </Stage>
    </div>
  );
}

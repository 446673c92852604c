/**
 * What marks the selection: outlines, a resize frame for one card, end-point handles for one
 * boundary marker, and the link handle people drag from to connect an item to another.
 */
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Circle, Line, Rect, Transformer } from 'react-konva';
import type { BoardItem } from '../../shared/schema';
import { displayHeight } from './displayGeometry';
import { SELECTION } from './theme';

interface SelectionOverlayProps {
  items: readonly BoardItem[];
  /** While a drag runs the outlines would lag behind; the resize frame follows the node by itself. */
  dragging: boolean;
  zoom: number;
  editable: boolean;
  stage: Konva.Stage | null;
  onResize(id: string, box: { x: number; y: number; w: number; h: number }): void;
  onStartLink(item: BoardItem, event: Konva.KonvaEventObject<PointerEvent>): void;
}

/** Kinds a link can start from (an ambition too: it is linked the way the domain reads). */
const LINKABLE = new Set(['smallWin', 'ambition', 'intervention', 'actor']);

/** Finds an item's Konva node by id without parsing the id as a selector. */
export function findItemNode(stage: Konva.Stage | null, id: string): Konva.Node | undefined {
  return stage?.findOne((node: Konva.Node) => node.name() === 'item' && node.id() === id);
}

/** Draws the selection marks. */
export function SelectionOverlay({
  items,
  dragging,
  zoom,
  editable,
  stage,
  onResize,
  onStartLink,
}: SelectionOverlayProps) {
  const transformer = useRef<Konva.Transformer>(null);
  const single = items.length === 1 ? items[0] : undefined;
  const resizable = editable && single && single.kind !== 'boundary' ? single : undefined;

  useEffect(() => {
    const node = resizable ? findItemNode(stage, resizable.id) : undefined;
    transformer.current?.nodes(node ? [node] : []);
    transformer.current?.getLayer()?.batchDraw();
  }, [resizable, stage]);

  const handle = 7 / zoom;
  return (
    <>
      {!dragging &&
        items.map((item) =>
          item.kind === 'boundary' ? (
            <Line
              key={item.id}
              points={[item.x, item.y, item.x + item.w, item.y + item.h]}
              stroke={SELECTION}
              strokeWidth={12 / zoom}
              opacity={0.25}
              lineCap="round"
              listening={false}
            />
          ) : (
            <Rect
              key={item.id}
              x={item.x - 4 / zoom}
              y={item.y - 4 / zoom}
              width={item.w + 8 / zoom}
              height={displayHeight(item) + 8 / zoom}
              stroke={SELECTION}
              strokeWidth={2 / zoom}
              cornerRadius={12}
              listening={false}
            />
          ),
        )}
      {resizable && (
        <Transformer
          ref={transformer}
          rotateEnabled={false}
          flipEnabled={false}
          keepRatio={false}
          borderStroke={SELECTION}
          anchorStroke={SELECTION}
          anchorSize={12}
          ignoreStroke
          boundBoxFunc={(oldBox, newBox) => (newBox.width < 40 || newBox.height < 30 ? oldBox : newBox)}
          onTransformEnd={() => {
            const node = findItemNode(stage, resizable.id);
            if (!node) return;
            const box = {
              x: node.x(),
              y: node.y(),
              w: Math.round(resizable.w * node.scaleX()),
              h: Math.round(displayHeight(resizable) * node.scaleY()),
            };
            node.scale({ x: 1, y: 1 });
            onResize(resizable.id, box);
          }}
        />
      )}
      {editable && !dragging && single?.kind === 'boundary' && (
        <>
          {[0, 1].map((end) => (
            <Circle
              key={end}
              x={single.x + (end ? single.w : 0)}
              y={single.y + (end ? single.h : 0)}
              radius={handle * 1.4}
              fill="#ffffff"
              stroke={SELECTION}
              strokeWidth={2 / zoom}
              draggable
              onDragEnd={(event) => {
                const p = event.target.position();
                const start = end ? { x: single.x, y: single.y } : p;
                const finish = end ? p : { x: single.x + single.w, y: single.y + single.h };
                onResize(single.id, { x: start.x, y: start.y, w: finish.x - start.x, h: finish.y - start.y });
              }}
            />
          ))}
        </>
      )}
      {editable && !dragging && single && LINKABLE.has(single.kind) && (
        <Circle
          name="link-handle"
          x={single.x + single.w + 18 / zoom}
          y={single.y + displayHeight(single) / 2}
          radius={handle * 1.3}
          fill={SELECTION}
          stroke="#ffffff"
          strokeWidth={2 / zoom}
          onPointerDown={(event) => {
            event.cancelBubble = true;
            onStartLink(single, event);
          }}
        />
      )}
    </>
  );
}

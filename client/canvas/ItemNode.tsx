/**
 * One item on the canvas: positions the kind's drawing and reports pointer gestures.
 * Memoised on the item object, which the live reader keeps identical while it is unchanged,
 * so a remote edit re-renders one node, not the board.
 */
import type Konva from 'konva';
import { memo } from 'react';
import { Arc, Group, Rect } from 'react-konva';
import type { BoardItem } from '../../shared/schema';
import type { Language } from '../../shared/ydoc';
import { ActorToken } from './kinds/ActorToken';
import { AmbitionCard } from './kinds/AmbitionCard';
import { BoundaryMarker } from './kinds/BoundaryMarker';
import type { Detail } from './kinds/common';
import { FrameArea } from './kinds/FrameArea';
import { InterventionCard } from './kinds/InterventionCard';
import { NoteCard } from './kinds/NoteCard';
import { SmallWinCard } from './kinds/SmallWinCard';

/** Gestures an item reports to the canvas. */
export interface ItemHandlers {
  onItemPointerDown(item: BoardItem, event: Konva.KonvaEventObject<PointerEvent>): void;
  onItemDoubleClick(item: BoardItem): void;
  onItemDragStart(item: BoardItem): void;
  onItemDragMove(item: BoardItem, event: Konva.KonvaEventObject<DragEvent>): void;
  onItemDragEnd(item: BoardItem, event: Konva.KonvaEventObject<DragEvent>): void;
}

interface ItemNodeProps {
  item: BoardItem;
  detail: Detail;
  language: Language;
  draggable: boolean;
  /** Locked by the facilitator: a small lock in the corner. */
  locked?: boolean;
  /** Faded when something else is highlighted (the paths through the selection). */
  dimmed: boolean;
  handlers: ItemHandlers;
}

function KindDrawing({ item, detail, language }: { item: BoardItem; detail: Detail; language: Language }) {
  switch (item.kind) {
    case 'ambition':
      return <AmbitionCard item={item} detail={detail} language={language} />;
    case 'smallWin':
      return <SmallWinCard item={item} detail={detail} language={language} />;
    case 'boundary':
      return <BoundaryMarker item={item} detail={detail} language={language} />;
    case 'actor':
      return <ActorToken item={item} detail={detail} language={language} />;
    case 'intervention':
      return <InterventionCard item={item} detail={detail} language={language} />;
    case 'note':
      return <NoteCard item={item} detail={detail} language={language} />;
    case 'frame':
      return <FrameArea item={item} detail={detail} language={language} />;
  }
}

/** Draws one item at its position. */
export const ItemNode = memo(function ItemNode({
  item,
  detail,
  language,
  draggable,
  locked = false,
  dimmed,
  handlers,
}: ItemNodeProps) {
  return (
    <Group
      id={item.id}
      name="item"
      x={item.x}
      y={item.y}
      draggable={draggable}
      opacity={dimmed ? 0.3 : 1}
      onPointerDown={(event) => handlers.onItemPointerDown(item, event)}
      onDblClick={() => handlers.onItemDoubleClick(item)}
      onDblTap={() => handlers.onItemDoubleClick(item)}
      onDragStart={() => handlers.onItemDragStart(item)}
      onDragMove={(event) => handlers.onItemDragMove(item, event)}
      onDragEnd={(event) => handlers.onItemDragEnd(item, event)}
    >
      <KindDrawing item={item} detail={detail} language={language} />
      {locked && <LockBadge x={item.w} scale={detail === 'low' ? 4 : 1} />}
    </Group>
  );
});

/** Two shapes, no text or image: cheap enough for every locked frame on a large board. */
function LockBadge({ x, scale }: { x: number; scale: number }) {
  // Zoomed far out (low detail) it is drawn larger, so it stays visible at a few pixels.
  return (
    <Group x={x - 20 * scale} y={6 * scale} scaleX={scale} scaleY={scale} listening={false} name="lock-badge">
      <Arc x={7} y={7} innerRadius={3} outerRadius={5} angle={180} rotation={180} fill="#495057" />
      <Rect x={1} y={7} width={12} height={9} cornerRadius={2} fill="#495057" />
    </Group>
  );
}

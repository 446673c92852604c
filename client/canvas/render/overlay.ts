/**
 * What moves with a gesture, drawn each frame over the cached scene: the dragged items and
 * their links, a resize preview, selection outlines and handles, the marquee and the link
 * being drawn. A handful of paths, so redrawing it on every pointer move costs little.
 */
import type { Rect } from '../../../shared/geometry';
import { itemsById, type BoardReadModel } from '../../../shared/readBoard';
import type { BoardItem } from '../../../shared/schema';
import type { Viewport } from '../../editor/viewport';
import type { Interaction } from '../../editor/tools/types';
import { itemDisplayBox, paintItem } from '../paint/paintItem';
import { selectionHandles } from '../../editor/tools/handles';
import { SELECTION } from '../theme';
import type { ItemCache } from './itemCache';
import { paintItemAt, paintOneLink, type SceneOptions } from './scene';

/** What the overlay shows besides the interaction. */
export interface OverlayInput {
  readonly board: BoardReadModel;
  readonly selection: readonly string[];
  /** Handles are offered only when the selection can be changed with the pointer. */
  readonly editable: boolean;
  readonly interaction: Interaction;
  readonly options: SceneOptions;
}

const moved = (item: BoardItem, dx: number, dy: number): BoardItem => ({
  ...item,
  x: item.x + dx,
  y: item.y + dy,
});

function outline(ctx: CanvasRenderingContext2D, item: BoardItem, box: Rect, zoom: number): void {
  ctx.beginPath();
  if (item.kind === 'boundary') {
    ctx.globalAlpha = 0.25;
    ctx.lineWidth = 12 / zoom;
    ctx.lineCap = 'round';
    ctx.moveTo(item.x, item.y);
    ctx.lineTo(item.x + item.w, item.y + item.h);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.lineCap = 'butt';
    return;
  }
  const pad = 4 / zoom;
  ctx.lineWidth = 2 / zoom;
  ctx.roundRect(box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad, 12);
  ctx.stroke();
}

function handles(ctx: CanvasRenderingContext2D, item: BoardItem, box: Rect, zoom: number): void {
  if (item.kind !== 'boundary') {
    ctx.lineWidth = 1 / zoom;
    ctx.strokeRect(box.x, box.y, box.w, box.h);
  }
  for (const spot of selectionHandles(item, box, zoom)) {
    const { x, y } = spot.center;
    const r = spot.radius;
    ctx.beginPath();
    if (spot.shape === 'square') ctx.rect(x - r, y - r, 2 * r, 2 * r);
    else ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = spot.handle === 'link' ? SELECTION : '#ffffff';
    ctx.strokeStyle = spot.handle === 'link' ? '#ffffff' : SELECTION;
    ctx.lineWidth = (spot.shape === 'square' ? 1 : 2) / zoom;
    ctx.fill();
    ctx.stroke();
  }
  ctx.strokeStyle = SELECTION;
}

function arrow(
  ctx: CanvasRenderingContext2D,
  from: { x: number; y: number },
  to: { x: number; y: number },
  zoom: number,
) {
  ctx.lineWidth = 2.5 / zoom;
  ctx.setLineDash([8 / zoom, 6 / zoom]);
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  ctx.setLineDash([]);
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const length = 12 / zoom;
  const half = 5.5 / zoom;
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(
    to.x - length * Math.cos(angle) + half * Math.sin(angle),
    to.y - length * Math.sin(angle) - half * Math.cos(angle),
  );
  ctx.lineTo(
    to.x - length * Math.cos(angle) - half * Math.sin(angle),
    to.y - length * Math.sin(angle) + half * Math.cos(angle),
  );
  ctx.closePath();
  ctx.fill();
}

/** Draws the overlay for `camera` into a layer context whose (0,0) is `origin` CSS pixels up and left of the screen's. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  camera: Viewport,
  dpr: number,
  origin: number,
  input: OverlayInput,
  cache: ItemCache,
): void {
  const { board, interaction, options } = input;
  const zoom = camera.zoom;
  const byId = itemsById(board);
  ctx.save();
  ctx.setTransform(
    zoom * dpr,
    0,
    0,
    zoom * dpr,
    (camera.offsetX + origin) * dpr,
    (camera.offsetY + origin) * dpr,
  );

  const drag = interaction.drag;
  const shift = (item: BoardItem) => (drag?.ids.has(item.id) ? moved(item, drag.dx, drag.dy) : item);
  if (drag) {
    for (const item of board.items) {
      if (!drag.ids.has(item.id)) continue;
      ctx.save();
      ctx.translate(drag.dx, drag.dy);
      paintItemAt(ctx, item, zoom * dpr, cache, options);
      ctx.restore();
    }
    for (const link of board.links) {
      const from = byId.get(link.from);
      const to = byId.get(link.to);
      if (from && to && (drag.ids.has(from.id) || drag.ids.has(to.id)))
        paintOneLink(ctx, link, shift(from), shift(to), options);
    }
  }
  const resizing = interaction.resize;
  const resizedItem = resizing && byId.get(resizing.id);
  if (resizing && resizedItem) {
    const preview = { ...resizedItem, ...resizing.box } as BoardItem;
    ctx.save();
    ctx.translate(preview.x, preview.y);
    paintItem(ctx, preview, { language: options.language, detail: options.detail, locked: false });
    ctx.restore();
  }

  ctx.strokeStyle = SELECTION;
  ctx.fillStyle = SELECTION;
  const selected = input.selection
    .map((id) => byId.get(id))
    .filter((item): item is BoardItem => item !== undefined)
    .map((item) => (resizing?.id === item.id ? ({ ...item, ...resizing.box } as BoardItem) : shift(item)));
  for (const item of selected) outline(ctx, item, itemDisplayBox(item), zoom);
  const single = selected.length === 1 ? selected[0] : undefined;
  if (single && input.editable && !drag) handles(ctx, single, itemDisplayBox(single), zoom);

  const marquee = interaction.marquee;
  if (marquee) {
    ctx.fillStyle = 'rgba(11,114,231,0.08)';
    ctx.fillRect(marquee.x, marquee.y, marquee.w, marquee.h);
    ctx.lineWidth = 1 / zoom;
    ctx.strokeRect(marquee.x, marquee.y, marquee.w, marquee.h);
    ctx.fillStyle = SELECTION;
  }
  const draft = interaction.linkDraft;
  const source = draft && byId.get(draft.from);
  if (draft && source) {
    const box = itemDisplayBox(source);
    arrow(ctx, { x: box.x + box.w / 2, y: box.y + box.h / 2 }, draft.to, zoom);
  }
  ctx.restore();
}

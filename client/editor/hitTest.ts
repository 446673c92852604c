/**
 * What is under a board point, in the order people expect: the selection's handles (drawn on
 * top), then items topmost first, then links, and frames last, because a frame is a
 * background and links over it must stay clickable (they were drawn above it before).
 */
import type { BoardIndex } from '../../shared/boardIndex';
import type { Point } from '../../shared/geometry';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import { handleAt, selectionHandles } from './tools/handles';
import type { Hit } from './tools/types';

/** How near, in screen pixels, a pointer must come to hit something. */
export const HIT_TOLERANCE_PX = 6;

/** What hitTest needs to know. */
export interface HitScene {
  readonly index: BoardIndex;
  readonly board: BoardReadModel;
  readonly selection: readonly string[];
  /** Whether the selection shows handles (not read-only, select tool). */
  readonly editable: boolean;
  readonly zoom: number;
}

/** The handles the selection shows right now. */
export function sceneHandles(scene: HitScene) {
  if (!scene.editable || scene.selection.length !== 1) return [];
  const id = scene.selection[0] as string;
  return selectionHandles(itemsById(scene.board).get(id), scene.index.boxOf(id), scene.zoom);
}

/** The thing under a point. */
export function hitTestScene(scene: HitScene, p: Point): Hit {
  const tolerance = HIT_TOLERANCE_PX / scene.zoom;
  const handle = handleAt(sceneHandles(scene), p, tolerance);
  if (handle) return { type: 'handle', itemId: handle.itemId, handle: handle.handle };
  const items = scene.index.itemsAt(p, tolerance);
  const top = items.find((item) => item.kind !== 'frame');
  if (top) return { type: 'item', itemId: top.id };
  const link = scene.index.linksAt(p, tolerance)[0];
  if (link) return { type: 'link', linkId: link.id };
  const frame = items[0];
  return frame ? { type: 'item', itemId: frame.id } : { type: 'none' };
}

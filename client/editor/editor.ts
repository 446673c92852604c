/**
 * The headless editor: selection, tools, viewport, text editing and per-user undo over a
 * board document. No React, no Konva: the canvas and panels read `getSnapshot()` and call
 * these methods, and tests drive it directly.
 *
 *   const editor = createEditor({ doc, userId: 'u1' });
 *   const id = editor.createItem('smallWin', { x: 100, y: 100 });
 *   editor.moveSelection(10, 0);
 *   editor.undo(); // only this user's move
 */
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { createBoardIndex, type BoxOf } from '../../shared/boardIndex';
import { createBoardReader } from '../../shared/boardReader';
import * as commands from '../../shared/commands';
import {
  boardBounds,
  inflateRect,
  itemBounds,
  rectContains,
  rectCenter,
  type Point,
  type Rect,
} from '../../shared/geometry';
import type { ItemKind } from '../../shared/itemKinds';
import { kindTraits } from '../../shared/kinds/registry';
import { allowedLinkKinds, type LinkKind } from '../../shared/links/registry';
import { itemsById, type BoardReadModel } from '../../shared/readBoard';
import { kindDefaults, type BoardItem, type ItemOfKind } from '../../shared/schema';
import type { Language } from '../../shared/ydoc';
import { indexAbove, indexBelow } from '../../shared/zOrder';
import { copyToClipboard, pasteFromClipboard } from './clipboard';
import { HIT_TOLERANCE_PX, hitTestScene, sceneHandles, type HitScene } from './hitTest';
import { createLiveCamera } from './liveCamera';
import { createStore } from './store';
import { openTextSession, type TextSession } from './textSession';
import type { Hit, Interaction } from './tools/types';
import * as camera from './viewport';

/** What the pointer does on the canvas: select and move, place an item of a kind, or draw a link. */
export type Tool = 'select' | ItemKind | 'link';

/** A link waiting for its kind to be chosen (more than one kind fits). */
export interface PendingLink {
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly LinkKind[];
}

/** Everything the UI renders, as one immutable value. */
export interface EditorSnapshot {
  readonly board: BoardReadModel;
  readonly selection: readonly string[];
  readonly selectedLink: string | null;
  readonly tool: Tool;
  readonly viewport: camera.Viewport;
  readonly editingId: string | null;
  readonly pendingLink: PendingLink | null;
  readonly readOnly: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly language: Language;
  /** A short message for the status line (why something was refused), or null. */
  readonly notice: string | null;
  /** Items the facilitator locked (control document), shown with a lock icon. */
  readonly lockedItems: ReadonlySet<string>;
}

/** The notice shown when a participant tries to change a locked item. */
export const LOCKED_ITEM_NOTICE = 'locked-item';

/** Options for createEditor. */
export interface EditorOptions {
  doc: Y.Doc;
  userId: string;
  readOnly?: boolean;
  language?: Language;
  /** An item's box as displayed (cards grow with their text), for hit-testing and culling; default its stored bounds. */
  boxOf?: BoxOf;
}

/** The interaction when no gesture runs. */
export const IDLE_INTERACTION: Interaction = {
  drag: null,
  resize: null,
  marquee: null,
  linkDraft: null,
  state: 'idle',
  cursor: 'default',
};

/** Where pasted and duplicated copies land relative to their originals. */
const PASTE_OFFSET = 24;

/** Creates an editor over a board document. */
export function createEditor(options: EditorOptions) {
  const { doc, userId } = options;
  const origin = { editor: userId };
  const reader = createBoardReader(doc);
  const undoManager = new Y.UndoManager([doc.getMap('items'), doc.getMap('links'), doc.getMap('votes')], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 600,
  });
  const store = createStore<EditorSnapshot>({
    board: reader.read(),
    selection: [],
    selectedLink: null,
    tool: 'select',
    viewport: camera.initialViewport,
    editingId: null,
    pendingLink: null,
    readOnly: options.readOnly ?? false,
    canUndo: false,
    canRedo: false,
    language: options.language ?? reader.read().meta.language,
    notice: null,
    lockedItems: new Set<string>(),
  });
  // Participants may not change locked items; the facilitator may (the server drops the rest too).
  let enforceLocks = false;
  // Counts the camera moves the person made themselves, so following someone can stop on them.
  let ownCameraMoves = 0;
  let textSession: TextSession | null = null;
  let sized = false;
  const boardIndex = createBoardIndex(options.boxOf ?? itemBounds);
  const interaction = createStore<Interaction>(IDLE_INTERACTION);
  const live = createLiveCamera(store.get().viewport, (viewport) => {
    if (viewport !== store.get().viewport) update({ viewport });
  });

  const update = (patch: Partial<EditorSnapshot>) => {
    const before = store.get().viewport;
    store.set(normalise({ ...store.get(), ...patch }));
    // Every discrete camera change reaches the live camera too.
    const after = store.get().viewport;
    if (after !== before && after !== live.view.get()) live.reset(after);
  };

  /** Drops selection and editing state that points at things no longer on the board. */
  function normalise(next: EditorSnapshot): EditorSnapshot {
    const ids = itemsById(next.board);
    const selection = next.selection.filter((id) => ids.has(id));
    const selectedLink = next.board.links.some((link) => link.id === next.selectedLink)
      ? next.selectedLink
      : null;
    const editingId = next.editingId && ids.has(next.editingId) && !next.readOnly ? next.editingId : null;
    if (!editingId && textSession) {
      textSession.close();
      textSession = null;
    }
    const same = selection.length === next.selection.length;
    return {
      ...next,
      selection: same ? next.selection : selection,
      selectedLink,
      editingId,
      canUndo: undoManager.undoStack.length > 0,
      canRedo: undoManager.redoStack.length > 0,
    };
  }

  const offBoard = reader.subscribe(() => update({ board: reader.read() }));
  const onStack = () => update({});
  undoManager.on('stack-item-added', onStack);
  undoManager.on('stack-item-popped', onStack);

  /** Runs a command as one undo step; a refused command becomes a notice instead of an exception. */
  function run<T>(command: () => T): T | undefined {
    if (store.get().readOnly) return undefined;
    undoManager.stopCapturing();
    try {
      const result = command();
      undoManager.stopCapturing();
      return result;
    } catch (error) {
      if (error instanceof commands.CommandError) {
        update({ notice: error.message });
        return undefined;
      }
      throw error;
    }
  }

  /** True (after a notice) when any of `ids` is locked for this person. */
  function refusedByLock(ids: readonly string[]): boolean {
    if (!enforceLocks) return false;
    const locked = store.get().lockedItems;
    if (!ids.some((id) => locked.has(id))) return false;
    update({ notice: LOCKED_ITEM_NOTICE });
    return true;
  }
  const moved = (viewport: camera.Viewport) => {
    ownCameraMoves++;
    update({ viewport });
  };

  const board = () => store.get().board;
  /** The spatial index, brought up to the current board. */
  const indexed = () => {
    boardIndex.sync(board());
    return boardIndex;
  };
  const scene = (): HitScene => {
    const { selection, readOnly, tool } = store.get();
    return {
      index: indexed(),
      board: board(),
      selection,
      editable: !readOnly && tool === 'select',
      zoom: live.view.get().zoom,
    };
  };
  const selectedItems = () => {
    const ids = itemsById(board());
    return store
      .get()
      .selection.map((id) => ids.get(id))
      .filter((item): item is BoardItem => item !== undefined);
  };

  const editor = {
    getSnapshot: store.get,
    subscribe: store.subscribe,
    origin,
    userId,

    setTool(tool: Tool) {
      update({ tool, pendingLink: null, notice: null });
    },
    setLanguage(language: Language) {
      update({ language });
    },
    setReadOnly(readOnly: boolean) {
      update({ readOnly, tool: readOnly ? 'select' : store.get().tool });
    },
    clearNotice() {
      update({ notice: null });
    },
    /** The facilitator's item locks; `enforce` for participants, whose edits to them are refused here. */
    setLockedItems(lockedItems: ReadonlySet<string>, enforce: boolean) {
      enforceLocks = enforce;
      const editingId = store.get().editingId;
      update({ lockedItems });
      if (editingId && refusedByLock([editingId])) editor.stopEditing();
    },
    /** Shows a message from elsewhere (the server undid an edit) where refused commands show theirs. */
    notify(message: string) {
      update({ notice: message });
    },

    // Camera
    setViewport(viewport: camera.Viewport) {
      moved(viewport);
    },
    /** Moves the camera for someone being followed: not counted as the person's own move. */
    followViewport(viewport: camera.Viewport) {
      update({ viewport });
    },
    /** How many times the person moved the camera themselves (pan, zoom, focus). */
    ownCameraMoves: () => ownCameraMoves,
    /** The camera as it is this frame; the snapshot's viewport trails it during a gesture. */
    camera: live.view,
    /** A continuous camera move (pan, pinch, wheel): the live camera at once, the snapshot at most every 120 ms. */
    moveCamera(viewport: camera.Viewport) {
      ownCameraMoves++;
      live.move(viewport);
    },
    /** Ends a continuous move: the snapshot gets the live camera now. */
    commitCamera() {
      live.commit();
    },
    resizeViewport(width: number, height: number) {
      const v = live.view.get();
      if (!sized) {
        // The first real size: show the whole board, or put its origin in the middle of an empty one.
        sized = true;
        const bounds = boardBounds(board().items);
        const next = { ...v, width, height };
        update({ viewport: bounds ? camera.fitRect(next, bounds) : camera.centerOn(next, { x: 0, y: 0 }) });
        return;
      }
      // The canvas measures itself before its first draw, and its resize observer then reports the same size.
      if (width === v.width && height === v.height) return;
      update({ viewport: camera.resize(v, width, height) });
    },
    panBy(dx: number, dy: number) {
      moved(camera.panBy(live.view.get(), dx, dy));
    },
    zoomAt(zoom: number, anchor: Point) {
      moved(camera.zoomAt(live.view.get(), zoom, anchor));
    },
    zoomBy(factor: number) {
      moved(camera.zoomBy(live.view.get(), factor));
    },
    resetZoom() {
      const v = live.view.get();
      moved(camera.zoomAt(v, 1, { x: v.width / 2, y: v.height / 2 }));
    },
    zoomToFit() {
      const bounds = boardBounds(board().items);
      if (bounds) moved(camera.fitRect(live.view.get(), bounds));
    },
    /** Centres an item, selects it and zooms in enough to read it. */
    focusItem(id: string) {
      const item = itemsById(board()).get(id);
      if (!item) return;
      const v = live.view.get();
      const zoomed = v.zoom < 0.6 ? { ...v, zoom: 1 } : v;
      ownCameraMoves++;
      update({
        viewport: camera.centerOn(zoomed, rectCenter(itemBounds(item))),
        selection: [id],
        selectedLink: null,
      });
    },

    // Selection
    select(ids: readonly string[], additive = false) {
      const current = store.get().selection;
      const selection = additive ? [...new Set([...current, ...ids])] : [...ids];
      update({ selection, selectedLink: null, pendingLink: null });
    },
    toggleSelected(id: string) {
      const current = store.get().selection;
      update({
        selection: current.includes(id) ? current.filter((s) => s !== id) : [...current, id],
        selectedLink: null,
      });
    },
    selectAll() {
      update({ selection: board().items.map((item) => item.id), selectedLink: null });
    },
    clearSelection() {
      update({ selection: [], selectedLink: null, pendingLink: null });
    },
    /** Selects every item the marquee touches (backgrounds such as frames only when wholly inside, so a drag inside a frame picks its cards). */
    selectInRect(rect: Rect, additive = false) {
      const index = indexed();
      const hits = index
        .itemsInRect(rect)
        .filter(
          (item) =>
            !kindTraits(item.kind).isBackground ||
            rectContains(rect, index.boxOf(item.id) ?? itemBounds(item)),
        )
        .map((item) => item.id);
      editor.select(hits, additive);
    },

    // Queries
    /** Items whose display boxes touch a board rectangle, in z-order. */
    itemsInRect(rect: Rect): BoardItem[] {
      return indexed().itemsInRect(rect);
    },
    /** Items on screen under the live camera, plus `margin` screen pixels around it, in z-order. */
    visibleItems(margin = 0): BoardItem[] {
      const v = live.view.get();
      return indexed().itemsInRect(inflateRect(camera.visibleRect(v), margin / v.zoom));
    },
    /** An item's display box. */
    displayBox(id: string): Rect | undefined {
      return indexed().boxOf(id);
    },
    /** The display boxes changed without the items changing (fonts loaded): measure again. */
    invalidateBoxes() {
      boardIndex.invalidate();
    },
    /** What is under a board point: a handle of the selection, an item, a link, or nothing. */
    hitTest(point: Point): Hit {
      return hitTestScene(scene(), point);
    },
    /** The topmost item under a board point (within the hit tolerance), frames included. */
    itemAt(point: Point): BoardItem | undefined {
      return indexed().topItemAt(point, HIT_TOLERANCE_PX / live.view.get().zoom);
    },
    /** The selection's handles as they are hit-tested now (board units), for drawing them in the same place. */
    handles() {
      return sceneHandles(scene());
    },
    /** The running gesture, for the canvas; apart from the snapshot so a drag never re-renders panels. */
    interaction,
    selectLink(id: string | null) {
      update({ selectedLink: id, selection: [], pendingLink: null });
    },

    // Items
    /** Creates an item centred on a board point (the screen centre by default), selects it and opens its text. */
    createItem(kind: ItemKind, at?: Point, fields: Record<string, unknown> = {}): string | undefined {
      const center = at ?? camera.viewportCenter(live.view.get());
      const size = kindDefaults[kind];
      const keys = board().items.map((item) => item.index);
      // Backgrounds (frames) go under everything so they never hide cards.
      const index = kindTraits(kind).isBackground ? indexBelow(keys) : indexAbove(keys);
      const id = run(() =>
        commands.createItem(
          doc,
          {
            kind,
            id: uuidv4(),
            x: Math.round(center.x - size.w / 2),
            y: Math.round(center.y - size.h / 2),
            index,
            createdBy: userId,
            ...fields,
          },
          origin,
        ),
      );
      if (id) {
        update({ selection: [id], selectedLink: null, tool: 'select' });
        // A kind whose text is written in the inspector (a boundary marker) opens no editor over it.
        if (kindTraits(kind).editsTextInPlace) editor.startEditing(id);
      }
      return id;
    },
    updateItem(id: string, patch: commands.ItemPatch) {
      if (refusedByLock([id])) return;
      run(() => commands.updateItem(doc, id, patch, origin));
    },
    moveItems(ids: readonly string[], dx: number, dy: number) {
      if ((dx === 0 && dy === 0) || refusedByLock(ids)) return;
      run(() => commands.moveItems(doc, ids, { dx: Math.round(dx), dy: Math.round(dy) }, origin));
    },
    moveSelection(dx: number, dy: number) {
      editor.moveItems(store.get().selection, dx, dy);
    },
    resizeItem(id: string, box: { x: number; y: number; w: number; h: number }) {
      if (refusedByLock([id])) return;
      run(() => commands.resizeItem(doc, id, box, origin));
    },
    deleteSelection() {
      const { selection, selectedLink } = store.get();
      if (refusedByLock(selection)) return;
      if (selectedLink) run(() => commands.unlink(doc, [selectedLink], origin));
      if (selection.length) run(() => commands.deleteItems(doc, selection, origin));
      update({ selection: [], selectedLink: null });
    },
    copySelection(): string | null {
      const items = selectedItems();
      return items.length ? copyToClipboard(items, board().links) : null;
    },
    /** Pastes clipboard text; returns false when it held no board content. */
    paste(text: string, offset = PASTE_OFFSET): boolean {
      const content = pasteFromClipboard(text, offset, offset);
      if (!content || content.items.length === 0 || store.get().readOnly) return false;
      let top = indexAbove(board().items.map((item) => item.index));
      run(() =>
        doc.transact(() => {
          for (const item of content.items) {
            commands.createItem(
              doc,
              { ...item, index: top, createdBy: userId, createdAt: Date.now() },
              origin,
            );
            top = indexAbove([top]);
          }
          for (const link of content.links) commands.linkItems(doc, link, origin);
        }, origin),
      );
      update({ selection: content.items.map((item) => item.id), selectedLink: null });
      return true;
    },
    duplicateSelection() {
      const text = editor.copySelection();
      if (text) editor.paste(text);
    },
    bringToFront() {
      const ids = new Set(store.get().selection);
      const others = board()
        .items.filter((item) => !ids.has(item.id))
        .map((item) => item.index);
      if (refusedByLock([...ids])) return;
      let key = indexAbove(others);
      run(() =>
        doc.transact(() => {
          for (const item of selectedItems()) {
            commands.updateItem(doc, item.id, { index: key }, origin);
            key = indexAbove([key]);
          }
        }, origin),
      );
    },
    sendToBack() {
      const ids = new Set(store.get().selection);
      const others = board()
        .items.filter((item) => !ids.has(item.id))
        .map((item) => item.index);
      if (refusedByLock([...ids])) return;
      let key = indexBelow(others);
      run(() =>
        doc.transact(() => {
          for (const item of [...selectedItems()].reverse()) {
            commands.updateItem(doc, item.id, { index: key }, origin);
            key = indexBelow([key]);
          }
        }, origin),
      );
    },

    // Text
    startEditing(id: string): TextSession | null {
      if (store.get().readOnly || refusedByLock([id])) return null;
      textSession?.close();
      textSession = openTextSession(doc, id, origin);
      update({ editingId: textSession ? id : null, selection: [id] });
      return textSession;
    },
    /** The open text session, for the text field overlay. */
    textSession: () => textSession,
    stopEditing() {
      undoManager.stopCapturing();
      update({ editingId: null });
    },
    setText(id: string, text: string) {
      if (store.get().readOnly || refusedByLock([id])) return;
      try {
        commands.setText(doc, id, text, origin);
      } catch (error) {
        if (error instanceof commands.CommandError) update({ notice: error.message });
        else throw error;
      }
    },

    // Links
    /** Links two items: directly when one kind fits, through the picker when several do. */
    requestLink(from: string, to: string) {
      const ids = itemsById(board());
      const a = ids.get(from);
      const b = ids.get(to);
      if (!a || !b || from === to) return;
      const kinds = allowedLinkKinds(a.kind, b.kind);
      const reverse = kinds.length === 0 ? allowedLinkKinds(b.kind, a.kind) : [];
      if (kinds.length === 1) editor.link(from, to, kinds[0] as LinkKind);
      else if (kinds.length > 1) update({ pendingLink: { from, to, kinds } });
      // Drawn the wrong way round (ambition → win): link it the way the domain reads.
      else if (reverse.length === 1) editor.link(to, from, reverse[0] as LinkKind);
      else if (reverse.length > 1) update({ pendingLink: { from: to, to: from, kinds: reverse } });
      else update({ notice: `no-link:${a.kind}:${b.kind}` });
    },
    link(from: string, to: string, kind: LinkKind, label?: string) {
      const id = run(() => commands.linkItems(doc, { kind, from, to, label: label || undefined }, origin));
      update({ pendingLink: null, selectedLink: id ?? null, selection: [] });
      return id;
    },
    cancelPendingLink() {
      update({ pendingLink: null });
    },
    updateLink(id: string, patch: { kind?: LinkKind; label?: string | null }) {
      run(() => commands.updateLink(doc, id, patch, origin));
    },

    // History
    undo() {
      if (!store.get().readOnly) undoManager.undo();
    },
    redo() {
      if (!store.get().readOnly) undoManager.redo();
    },

    destroy() {
      live.dispose();
      textSession?.close();
      offBoard();
      reader.destroy();
      undoManager.destroy();
    },
  };
  return editor;
}

/** The editor's public surface. */
export type Editor = ReturnType<typeof createEditor>;

/** Narrows an item to a kind, for kind-specific panels. */
export function isKind<K extends ItemKind>(item: BoardItem | undefined, kind: K): item is ItemOfKind<K> {
  return item?.kind === kind;
}

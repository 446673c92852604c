/**
 * Presence over Yjs awareness (never the document): who is here, their name and colour, their
 * cursor and their selection. Everything received from others is validated and bounded here,
 * so the UI only ever sees short plain strings and finite numbers.
 */
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { stripBidiControls } from '../../shared/bidi';
import { toWellFormed } from '../../shared/wellFormed';
import { readLocal, writeLocal } from './localStore';

/** Longest display name; longer names are cut, not refused. */
export const MAX_NAME_LENGTH = 40;
/** Most selected ids shared: enough to outline a selection, small enough for the server's size cap. */
const MAX_SHARED_SELECTION = 50;

/** Colours people get, distinct on the board's background and from the kinds' colours. */
export const PRESENCE_COLOURS = [
  '#d6336c',
  '#7048e8',
  '#1c7ed6',
  '#0ca678',
  '#f08c00',
  '#e8590c',
  '#5c940d',
  '#ae3ec9',
];

/** A participant as the UI shows them. */
export interface Peer {
  readonly clientId: number;
  readonly userId: string;
  readonly name: string;
  readonly colour: string;
  readonly role: string;
  readonly cursor: { readonly x: number; readonly y: number } | null;
  readonly selection: readonly string[];
  /** The board point in the middle of their screen and their zoom, for following them. */
  readonly viewport: PeerViewport | null;
  readonly self: boolean;
}

/** Where someone looks: the board point at the centre of their screen and their zoom. */
export interface PeerViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

const finite = z
  .number()
  .refine(Number.isFinite)
  .refine((n) => Math.abs(n) < 1e8);
const stateSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().transform((name) => cleanName(name)),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .catch('#868e96'),
    role: z.enum(['facilitator', 'participant', 'viewer']).catch('participant'),
  }),
  cursor: z.object({ x: finite, y: finite }).nullable().catch(null),
  selection: z.array(z.string().max(200)).max(MAX_SHARED_SELECTION).catch([]),
  // The editor's zoom limits (5 %–400 %), so a follower's camera can never be sent to nonsense.
  viewport: z
    .object({ x: finite, y: finite, zoom: z.number().min(0.05).max(4) })
    .nullable()
    .catch(null),
});

/** A name as shown: trimmed, no control or bidi override characters, at most MAX_NAME_LENGTH characters. */
export function cleanName(name: string): string {
  // A right-to-left override would show "Bob" as one name and let a name mimic another.
  const plain = stripBidiControls(toWellFormed(name))
    // Control characters (newlines, escapes) would break a one-line label.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(plain).slice(0, MAX_NAME_LENGTH).join('');
}

/** A stable colour for a user id. */
export function colourFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] as string;
}

/** Every valid presence state, ours first; invalid or nameless states are skipped. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of awareness.getStates()) {
    // A state without a user yet (ours, before we name ourselves) is skipped without the
    // schema: a failed parse builds its whole error report, and the board's first render pays.
    if (typeof raw !== 'object' || raw === null || typeof (raw as { user?: unknown }).user !== 'object')
      continue;
    const parsed = stateSchema.safeParse(raw);
    if (!parsed.success || parsed.data.user.name === '') continue;
    const { user, cursor, selection, viewport } = parsed.data;
    peers.push({
      clientId,
      userId: user.id,
      name: user.name,
      colour: user.colour,
      role: user.role,
      cursor,
      selection,
      viewport: viewport ?? null,
      self: clientId === awareness.clientID,
    });
  }
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** Publishes who we are. */
export function setUser(
  awareness: Awareness,
  user: { id: string; name: string; colour: string; role: string },
): void {
  awareness.setLocalStateField('user', { ...user, name: cleanName(user.name) });
}

/** Publishes our selection (bounded). */
export function setSelection(awareness: Awareness, selection: readonly string[]): void {
  awareness.setLocalStateField('selection', selection.slice(0, MAX_SHARED_SELECTION));
}

/**
 * Publishes the cursor at most every `interval` ms (about 20 Hz): enough for smooth motion
 * with interpolation, and a twentieth of the traffic of raw pointer events.
 */
export function createCursorPublisher(awareness: Awareness, interval = 50) {
  let pending: { x: number; y: number } | null | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending !== undefined) awareness.setLocalStateField('cursor', pending);
    pending = undefined;
  };
  return {
    move(point: { x: number; y: number } | null) {
      pending = point ? { x: Math.round(point.x), y: Math.round(point.y) } : null;
      timer ??= setTimeout(flush, interval);
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Publishes where we look at most every `interval` ms, for anyone following us. */
export function createViewportPublisher(awareness: Awareness, interval = 100) {
  let pending: PeerViewport | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending) awareness.setLocalStateField('viewport', pending);
    pending = undefined;
  };
  return {
    publish(view: PeerViewport) {
      pending = { x: Math.round(view.x), y: Math.round(view.y), zoom: Math.round(view.zoom * 1000) / 1000 };
      timer ??= setTimeout(flush, interval);
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** The name this device used last, if any. */
export function storedName(storage?: Storage): string {
  return cleanName(readLocal('olievlek.name', storage) ?? '');
}

/** Remembers the name on this device (if it can) and returns it as it will be shown. */
export function storeName(name: string, storage?: Storage): string {
  const clean = cleanName(name);
  writeLocal('olievlek.name', clean, storage);
  return clean;
}

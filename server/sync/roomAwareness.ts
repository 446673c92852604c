/**
 * A room's presence (cursors, names, selections) with two server rules on top of y-protocols'
 * Awareness:
 *
 * - Ownership: a connection may set only the states of client ids it announced as its own. An
 *   id is claimed by the first connection to publish a newer, non-null state for it, and is
 *   its own until that connection closes. Entries for ids owned elsewhere are dropped
 *   silently: the standard client echoes every state it receives back to the server, so they
 *   are routine. Stale echoes never claim (their clock is not newer than the known one).
 * - An id stays bound to the role that first claimed it for the room's life, not just the
 *   connection's: a provider keeps its client id across reconnects, so the id is free for a
 *   moment after its connection closes, and a viewer claiming it then would speak as that
 *   participant to everyone (and lock the participant out of their own presence). Only a
 *   connection of the same role (the same link) may claim it again. Binding to the connection
 *   alone would strand the returning participant; binding to a user is impossible, since
 *   everyone holding a link shares its token.
 * - The role shown beside a name is the server's: every accepted state's `user.role` is set
 *   to the role of the connection that sent it, whatever the client claimed.
 * - Coalescing: changes are collected and sent to every connection once per flush window
 *   (sender included, which is how a lone client's provider sees traffic and stays connected).
 * - Other instances (issue 13): the changes of this instance's own connections also go to
 *   `publish`, and what other instances publish comes in through `receiveRemote`, owned by one
 *   peer per instance. Their rules were applied where they came from. A client that reconnects
 *   here may take its id back from the instance it left, with a newer clock; a dead instance's
 *   states time out like any silent client's (y-protocols' 30 s).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Counter } from '../metrics';
import type { Role } from '../storage/storage';
import { MalformedMessage, encodeAwareness } from './protocol';

/** Client ids one connection may own (a provider has one; a few tabs share nothing). */
const MAX_IDS_PER_CONNECTION = 4;

/** Client ids whose role is remembered after their connection closed; the oldest are forgotten. */
const MAX_REMEMBERED_IDS = 10_000;

/** An entry of an awareness update. */
interface Entry {
  readonly clientId: number;
  readonly clock: number;
  readonly json: string;
  /** The parsed state. */
  readonly state: unknown;
}

/** The part of a connection awareness needs. */
export interface AwarenessPeer {
  readonly clientIds: Set<number>;
  readonly role: Role;
}

/** Limits and the outlet for coalesced messages. */
export interface RoomAwarenessOptions {
  readonly maxStateBytes: number;
  readonly flushMs: number;
  readonly broadcast: (message: Uint8Array) => void;
  /** Where this instance's own changes go for the other instances (an awareness update). */
  readonly publish?: (update: Uint8Array) => void;
  readonly dropped: Counter;
}

/** The clients of another instance, as one peer. */
class RemotePeer implements AwarenessPeer {
  readonly clientIds = new Set<number>();
  // Never judged: the instance it came from stamped the role already.
  readonly role: Role = 'viewer';
}

/** Presence for one room. */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, AwarenessPeer>();
  /** The role that claimed each id, kept after its connection closed (bounded, oldest out). */
  private readonly claimedBy = new Map<number, Role>();
  private readonly changed = new Set<number>();
  /** Changed ids whose state belongs to this instance's connections (published). */
  private readonly changedHere = new Set<number>();
  private readonly remotes = new Map<string, RemotePeer>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    doc: Y.Doc,
    private readonly options: RoomAwarenessOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      for (const id of [...(added ?? []), ...(updated ?? []), ...(removed ?? [])]) {
        this.changed.add(id);
        if (!(origin instanceof RemotePeer) && !(this.owners.get(id) instanceof RemotePeer))
          this.changedHere.add(id);
      }
      for (const id of removed ?? []) {
        const owner = this.owners.get(id);
        if (owner instanceof RemotePeer) {
          this.owners.delete(id);
          owner.clientIds.delete(id);
        }
      }
      this.schedule();
    });
  }

  /** Applies the entries `peer` may set; throws MalformedMessage for an undecodable update. */
  receive(peer: AwarenessPeer, update: Uint8Array): void {
    const accepted = decodeEntries(update).filter((entry) => this.mayApply(peer, entry));
    if (accepted.length === 0) return;
    for (const { clientId } of accepted) {
      const owner = this.owners.get(clientId);
      if (owner !== peer) {
        // Free, or last seen on another instance: it reconnected here.
        owner?.clientIds.delete(clientId);
        this.owners.set(clientId, peer);
        peer.clientIds.add(clientId);
        this.remember(clientId, peer.role);
      }
    }
    const stamped = accepted.map((entry) => stampRole(entry, peer.role));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(stamped), peer);
  }

  /**
   * Applies another instance's published changes; entries for ids a connection of this
   * instance owns are dropped (it is here now). Throws MalformedMessage when undecodable.
   */
  receiveRemote(instance: string, update: Uint8Array): void {
    let peer = this.remotes.get(instance);
    if (!peer) this.remotes.set(instance, (peer = new RemotePeer()));
    const accepted = decodeEntries(update).filter((entry) => {
      const owner = this.owners.get(entry.clientId);
      return owner === undefined || owner instanceof RemotePeer;
    });
    if (accepted.length === 0) return;
    for (const { clientId, json } of accepted) {
      const owner = this.owners.get(clientId);
      if (json === 'null' || owner === peer) continue;
      owner?.clientIds.delete(clientId);
      this.owners.set(clientId, peer);
      peer.clientIds.add(clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(accepted), peer);
  }

  /** Whether clients of other instances are present (someone is still on the board elsewhere). */
  hasRemoteStates(): boolean {
    for (const owner of this.owners.values()) if (owner instanceof RemotePeer) return true;
    return false;
  }

  /** The states of this instance's own connections (an awareness update), or null. */
  localSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()].filter(
      (id) => !(this.owners.get(id) instanceof RemotePeer),
    );
    return ids.length === 0 ? null : awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
  }

  /** Every known state as one message, or null when there is none. */
  snapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length === 0
      ? null
      : encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /** Removes the states of a closing connection and frees its ids. */
  release(peer: AwarenessPeer): void {
    const ids = [...peer.clientIds];
    for (const id of ids) if (this.owners.get(id) === peer) this.owners.delete(id);
    peer.clientIds.clear();
    const present = ids.filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, 'disconnect');
  }

  /** Stops the timers; pending changes are not sent. */
  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.awareness.destroy();
  }

  private mayApply(peer: AwarenessPeer, entry: Entry): boolean {
    if (Buffer.byteLength(entry.json) > this.options.maxStateBytes) {
      this.options.dropped.inc({ reason: 'awareness-too-large' });
      return false;
    }
    const owner = this.owners.get(entry.clientId);
    if (owner === peer) return true;
    const role = this.claimedBy.get(entry.clientId);
    const ownedHere = owner !== undefined && !(owner instanceof RemotePeer);
    if (ownedHere || (role !== undefined && role !== peer.role)) {
      this.options.dropped.inc({ reason: 'awareness-not-owner' });
      return false;
    }
    const known = this.awareness.meta.get(entry.clientId);
    return (
      entry.json !== 'null' &&
      (known === undefined || entry.clock > known.clock) &&
      peer.clientIds.size < MAX_IDS_PER_CONNECTION
    );
  }

  private remember(clientId: number, role: Role): void {
    this.claimedBy.delete(clientId);
    this.claimedBy.set(clientId, role);
    if (this.claimedBy.size <= MAX_REMEMBERED_IDS) return;
    for (const id of this.claimedBy.keys()) {
      if (this.owners.has(id)) continue;
      this.claimedBy.delete(id);
      return;
    }
  }

  private schedule(): void {
    if (this.timer || this.changed.size === 0) return;
    this.timer = setTimeout(() => this.flush(), this.options.flushMs);
  }

  private flush(): void {
    this.timer = null;
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    const here = ids.filter((id) => this.changedHere.has(id));
    this.changed.clear();
    this.changedHere.clear();
    if (ids.length > 0) {
      this.options.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
    }
    if (here.length > 0)
      this.options.publish?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, here));
  }
}

function decodeEntries(update: Uint8Array): Entry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      entries.push({ clientId, clock, json, state: JSON.parse(json) as unknown });
    }
    return entries;
  } catch (error) {
    throw new MalformedMessage(`bad awareness update: ${(error as Error).message}`);
  }
}

/** The entry with `user.role` set to the sender's role, when its state has a user. */
function stampRole(entry: Entry, role: Role): Entry {
  const { state } = entry;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return entry;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return entry;
  if ((user as { role?: unknown }).role === role) return entry;
  const stamped = { ...state, user: { ...user, role } };
  return { ...entry, state: stamped, json: JSON.stringify(stamped) };
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

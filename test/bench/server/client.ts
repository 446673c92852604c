/**
 * A lightweight y-websocket protocol client for the load generator: its own Y.Doc and
 * Awareness, the handshake a WebsocketProvider does (sync step 1 out, the server's step 1
 * answered with step 2, the server's step 2 applied, its presence announced), its own edits
 * and cursor moves sent as the provider sends them. What it does not do is apply the other
 * clients' updates: hundreds of clients on one core could not, and a stamp in each edit is
 * all it needs from them. Every edit replaces the text of the client's own card with a stamp
 * `bench:<client>:<seq>:<ms>;`; Yjs carries inserted text verbatim, so a receiver finds the
 * stamps in a relayed update's bytes without decoding it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createItem } from '../../../shared/commands';
import { getItems } from '../../../shared/ydoc';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
/** Origin of the server's sync step 2, which is not sent back. */
const REMOTE = Symbol('remote');
const STAMP = Buffer.from('bench:');

/** What a client reports to the load generator. */
export interface ClientEvents {
  /** Another client's edit arrived: who sent it, its sequence number and when it was sent. */
  edit(from: number, seq: number, sentAt: number, receivedAt: number): void;
  /** Another client's cursor arrived (sent at `sentAt`). */
  cursor(sentAt: number, receivedAt: number): void;
  /** A document update frame arrived. */
  updateFrame(): void;
  /** An awareness frame arrived. */
  awarenessFrame(): void;
  /** The server closed the socket, or told the client an edit was refused. */
  trouble(kind: 'closed' | 'denied', detail: string): void;
}

/** One client of one room. */
export class BenchClient {
  readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private ws: WebSocket | null = null;
  private seq = 0;
  private closing = false;
  /** Whether cursor frames are decoded (only in the cursor phase: parsing costs the generator). */
  decodeCursors = false;

  constructor(
    /** The client's number across the whole generator (stamped into its edits). */
    readonly index: number,
    private readonly url: string,
    private readonly events: ClientEvents,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin !== 'local') return;
      const ids = [...added!, ...updated!, ...removed!];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /** The next sequence number, i.e. how many edits were sent. */
  get sent(): number {
    return this.seq;
  }

  /** Opens the socket; resolves once the server's sync step 2 has been applied. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { perMessageDeflate: false });
      this.ws = ws;
      let synced = false;
      ws.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        ws.send(encoding.toUint8Array(encoder));
        this.awareness.setLocalState({ user: { name: `bench ${this.index}`, color: '#3a7' } });
      });
      ws.on('message', (data: Buffer) => {
        const receivedAt = performance.now();
        if (this.receive(data, receivedAt) && !synced) {
          synced = true;
          resolve();
        }
      });
      ws.on('error', (error) => {
        if (!synced) reject(error);
      });
      ws.on('close', (code, reason) => {
        if (!synced) reject(new Error(`closed before sync: ${code} ${reason.toString()}`));
        else if (!this.closing) this.events.trouble('closed', `${code} ${reason.toString()}`);
      });
    });
  }

  /** Adds the client's own card, whose text every edit replaces. */
  addCard(): void {
    createItem(
      this.doc,
      { kind: 'note', id: `bench-${this.index}`, x: (this.index % 40) * 220, y: 0, text: '' },
      'bench',
    );
  }

  /** One edit: the card's text becomes a fresh stamp. */
  edit(): void {
    const text = (getItems(this.doc).get(`bench-${this.index}`) as Y.Map<unknown>).get('text') as Y.Text;
    const stamp = `bench:${this.index}:${this.seq++}:${performance.now().toFixed(2)};`;
    this.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, stamp);
    });
  }

  /** One cursor move, stamped with its send time. */
  moveCursor(): void {
    const x = Math.round(Math.random() * 2000);
    const y = Math.round(Math.random() * 1000);
    this.awareness.setLocalStateField('cursor', { x, y, t: performance.now() });
  }

  close(): void {
    this.closing = true;
    this.awareness.destroy();
    this.ws?.close();
    this.doc.destroy();
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  /** Handles one frame; true when it was the server's sync step 2 (the handshake's end). */
  private receive(data: Buffer, receivedAt: number): boolean {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC) {
      const sub = decoding.readVarUint(decoder);
      if (sub === syncProtocol.messageYjsUpdate) {
        this.events.updateFrame();
        this.stamps(data, decoder.pos, receivedAt);
        return false;
      }
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, SYNC);
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, payload));
        this.send(encoding.toUint8Array(encoder));
        return false;
      }
      Y.applyUpdate(this.doc, payload, REMOTE);
      return true;
    }
    if (type === AWARENESS) {
      this.events.awarenessFrame();
      if (this.decodeCursors) this.cursors(decoding.readVarUint8Array(decoder), receivedAt);
    } else if (type === AUTH) {
      this.events.trouble('denied', 'permission denied');
    }
    return false;
  }

  /** Reports every other client's stamp in a relayed update. */
  private stamps(data: Buffer, from: number, receivedAt: number): void {
    for (let at = data.indexOf(STAMP, from); at !== -1; at = data.indexOf(STAMP, at + 1)) {
      const fields = readStamp(data, at + STAMP.length);
      if (fields && fields[0] !== this.index) this.events.edit(fields[0], fields[1], fields[2], receivedAt);
    }
  }

  private cursors(update: Uint8Array, receivedAt: number): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (clientId === this.doc.clientID) continue;
      const t = (JSON.parse(json) as { cursor?: { t?: unknown } } | null)?.cursor?.t;
      if (typeof t === 'number') this.events.cursor(t, receivedAt);
    }
  }
}

/** Reads `<client>:<seq>:<ms>;` at `at`, or null when the bytes are not a whole stamp. */
function readStamp(data: Buffer, at: number): [number, number, number] | null {
  const fields: number[] = [];
  let value = 0;
  let scale = 0;
  for (let i = at; i < data.length && i < at + 40; i++) {
    const byte = data[i]!;
    if (byte >= 48 && byte <= 57) {
      if (scale > 0) {
        scale /= 10;
        value += (byte - 48) * scale;
      } else value = value * 10 + (byte - 48);
    } else if (byte === 46 && scale === 0) scale = 1;
    else if (byte === 58 || byte === 59) {
      fields.push(value);
      value = 0;
      scale = 0;
      if (byte === 59) return fields.length === 3 ? (fields as [number, number, number]) : null;
    } else return null;
  }
  return null;
}

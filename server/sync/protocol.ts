/**
 * The y-websocket wire protocol, as the standard `WebsocketProvider` speaks it: every message
 * starts with a varUint type (sync 0, awareness 1, auth 2, query-awareness 3); a sync message
 * then carries a sub-type (step 1 0, step 2 1, update 2) and a varUint8Array payload.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Top-level message types. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** A message from a client, decoded. */
export type ClientMessage =
  | { readonly type: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly type: 'syncStep2' | 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'queryAwareness' }
  | { readonly type: 'auth' };

/** A message that does not follow the protocol; the connection that sent it is closed (4400). */
export class MalformedMessage extends Error {
  override readonly name = 'MalformedMessage';
}

/** Decodes the framing of one message; throws MalformedMessage for anything else. */
export function parseMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === syncProtocol.messageYjsSyncStep1) return { type: 'syncStep1', stateVector: payload };
        if (sub === syncProtocol.messageYjsSyncStep2) return { type: 'syncStep2', update: payload };
        if (sub === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload };
        throw new MalformedMessage(`unknown sync message type ${sub}`);
      }
      case MESSAGE.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MESSAGE.queryAwareness:
        return { type: 'queryAwareness' };
      case MESSAGE.auth:
        // Clients have nothing to say over auth; the message is read and ignored.
        return { type: 'auth' };
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(`cannot decode message: ${(error as Error).message}`);
  }
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what the client lacks given its state vector; throws MalformedMessage for a bad one. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  let update: Uint8Array;
  try {
    update = Y.encodeStateAsUpdate(doc, stateVector);
  } catch (error) {
    throw new MalformedMessage(`bad state vector: ${(error as Error).message}`);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A document update to relay. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update to relay. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The auth "permission denied" message with a human-readable reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

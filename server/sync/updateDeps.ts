/**
 * Whether a client update can integrate completely into a document right now.
 *
 * Yjs does not refuse an update whose dependencies are missing (structs of a client starting
 * past the document's clock for it, items whose left/right origin or parent it has not seen,
 * deletions of items it lacks): it integrates what it can and parks the rest in
 * `doc.store.pendingStructs` / `pendingDs`, unjudged, unstored and unbounded. The parked part
 * integrates later, inside the transaction of whichever update delivers the missing pieces,
 * so under that update's origin and whatever rules hold then: an update parked during a lock
 * would land after the unlock, as someone else's write.
 *
 * The server therefore never lets Yjs park anything: an update is applied only when every
 * dependency is in the document or in the update itself, checked here on the decoded update
 * before it touches the document. The standard client never needs more: after the handshake
 * it only sends updates built on what the server has (the server reverts refused edits rather
 * than dropping them, so a writer's chain never has a gap), and an update it sends before its
 * sync step 2 is contained in that step 2 as well.
 */
import * as Y from 'yjs';
import { MalformedMessage } from './protocol';

/** A dependency the document lacks, or null when `update` integrates completely. */
export function missingDependency(doc: Y.Doc, update: Uint8Array): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedMessage(`bad document update: ${(error as Error).message}`);
  }
  // The clock each client reaches once the update's own structs are in, when they continue
  // the document's without a gap.
  const reach = new Map<number, number>();
  const clockOf = (client: number) => reach.get(client) ?? Y.getState(doc.store, client);
  const structs = decoded.structs
    .filter((s) => !(s instanceof Y.Skip))
    .sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock);
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const have = clockOf(client);
    if (clock > have) return `client ${client} from clock ${clock}, document has ${have}`;
    reach.set(client, Math.max(have, clock + struct.length));
  }
  const has = (id: Y.ID | null) => id === null || id.clock < clockOf(id.client);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!has(struct.origin)) return `left origin ${describe(struct.origin)}`;
    if (!has(struct.rightOrigin)) return `right origin ${describe(struct.rightOrigin)}`;
    if (struct.parent instanceof Y.ID && !has(struct.parent)) return `parent ${describe(struct.parent)}`;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      if (clock + len > clockOf(client)) return `deletion of client ${client} up to clock ${clock + len}`;
    }
  }
  return null;
}

/** Whether Yjs parked anything in the document (which `missingDependency` should prevent). */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/**
 * Forgets whatever Yjs parked. What it integrated stays (its dependencies were there); the
 * parked rest was never stored, relayed or visible, so nothing else refers to it.
 */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

function describe(id: Y.ID | null): string {
  return id ? `${id.client}:${id.clock}` : 'none';
}

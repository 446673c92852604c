/**
 * A lossy network between Y.Docs: every update a peer emits is queued for every other peer,
 * and the scenario delivers queued updates in random order, drops some and duplicates some.
 * `heal` then does what the y-websocket sync protocol does on reconnect: exchange state
 * vectors and send each peer what it is missing.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';

interface Message {
  readonly to: number;
  readonly update: Uint8Array;
}

/** The remote origin, so peers never re-broadcast what they received. */
const REMOTE = Symbol('remote');

/** Wires peers together; returns the controls a scenario needs. */
export function createNetwork(docs: readonly Y.Doc[]) {
  const queue: Message[] = [];
  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      docs.forEach((_, to) => {
        if (to !== from) queue.push({ to, update });
      });
    });
  });

  function apply(message: Message): void {
    const doc = docs[message.to];
    if (doc) Y.applyUpdate(doc, message.update, REMOTE);
  }

  return {
    get pending(): number {
      return queue.length;
    },
    /** Delivers, drops or duplicates one random queued message. */
    step(gen: prng.PRNG, lossy: boolean): string {
      if (queue.length === 0) return 'idle';
      const at = prng.int32(gen, 0, queue.length - 1);
      const message = queue[at] as Message;
      const fate = lossy ? prng.int32(gen, 0, 9) : 9;
      if (fate === 0) {
        queue.splice(at, 1);
        return `drop →${message.to}`;
      }
      apply(message);
      if (fate === 1) return `duplicate →${message.to}`; // stays queued, arrives again later
      queue.splice(at, 1);
      return `deliver →${message.to}`;
    },
    /** Anti-entropy: every peer gets what it lacks from every other, as on reconnect. */
    heal(): void {
      for (const a of docs) {
        for (const b of docs) {
          if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
        }
      }
      queue.length = 0;
    },
  };
}

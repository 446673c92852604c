/**
 * A store whose appends can be held, and a barrier on a socket: together they let a test see
 * what the server does while an update is waiting to be stored, without sleeping.
 *
 *   const store = gatedStorage(createMemoryStorage());
 *   const release = store.hold();
 *   … make a change …
 *   await waitFor(() => store.waiting > 0, 'the append to start');
 *   await serverFlushed(reader);   // anything relayed so far has now arrived
 *   release();
 */
import type { WebSocket } from 'ws';
import type { Storage } from '../../server/storage/storage';

/** A storage wrapper whose `appendUpdate` waits while held. */
export interface GatedStorage extends Storage {
  /** Appends that have started and wait for the release. */
  readonly waiting: number;
  /** Rooms appended to, in completion order. */
  readonly appended: readonly string[];
  /** Holds every append from now on until the returned function is called. */
  hold(): () => void;
}

/** Wraps `storage` so that its appends can be held. */
export function gatedStorage<S extends Storage>(storage: S): S & GatedStorage {
  let gate: Promise<void> = Promise.resolve();
  let waiting = 0;
  const appended: string[] = [];
  return {
    ...storage,
    get waiting() {
      return waiting;
    },
    appended,
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    async appendUpdate(room, update) {
      waiting += 1;
      try {
        await gate;
      } finally {
        waiting -= 1;
      }
      const seq = await storage.appendUpdate(room, update);
      appended.push(room);
      return seq;
    },
  };
}

/**
 * Resolves once the server has answered a ping on `socket`. The server's frames arrive in the
 * order it wrote them, so anything it sent before handling the ping has arrived by then.
 */
export function serverFlushed(socket: WebSocket | { ws: unknown }): Promise<void> {
  const ws = ('ping' in socket ? socket : socket.ws) as WebSocket;
  return new Promise((resolve, reject) => {
    ws.once('pong', () => resolve());
    ws.ping((error?: Error) => error && reject(error));
  });
}

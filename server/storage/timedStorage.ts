/** Wraps a Storage so every call's latency lands in the `olievlek_store_seconds` histogram. */
import type { Histogram } from '../metrics';
import type { Storage } from './storage';

/** The same store, timed per operation. */
export function timedStorage(inner: Storage, seconds: Histogram): Storage {
  const time =
    <A extends unknown[], R>(op: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        return await fn(...args);
      } finally {
        seconds.observe((performance.now() - start) / 1000, { op });
      }
    };
  return {
    createBoard: time('createBoard', inner.createBoard.bind(inner)),
    getBoard: time('getBoard', inner.getBoard.bind(inner)),
    updateBoardTitle: time('updateBoardTitle', inner.updateBoardTitle.bind(inner)),
    load: time('load', inner.load.bind(inner)),
    appendUpdate: time('append', inner.appendUpdate.bind(inner)),
    compact: time('compact', inner.compact.bind(inner)),
    ...(inner.compactStored ? { compactStored: time('compactStored', inner.compactStored.bind(inner)) } : {}),
    listSnapshots: time('listSnapshots', inner.listSnapshots.bind(inner)),
    createSnapshot: time('createSnapshot', inner.createSnapshot.bind(inner)),
    getSnapshot: time('getSnapshot', inner.getSnapshot.bind(inner)),
    deleteSnapshot: time('deleteSnapshot', inner.deleteSnapshot.bind(inner)),
    setTokenHash: time('setTokenHash', inner.setTokenHash.bind(inner)),
    setBallot: time('setBallot', inner.setBallot.bind(inner)),
    listBallots: time('listBallots', inner.listBallots.bind(inner)),
    // Not timed: probes every few seconds would crowd the latencies of real work.
    ...(inner.ping ? { ping: inner.ping.bind(inner) } : {}),
    close: inner.close.bind(inner),
  };
}

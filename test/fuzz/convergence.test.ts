/**
 * Property: 3–5 peers issuing random commands, exchanging updates in random order with drops
 * and duplicates, end with identical readBoard output once the network heals.
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardReader } from '../../shared/boardReader';
import { readBoard } from '../../shared/readBoard';
import { initBoardDoc } from '../../shared/ydoc';
import { forEachSeed } from '../support/seeds';
import { createNetwork } from './network';
import { runRandomCommand, type Peer, type RandomCommand } from './randomCommands';

const SUITE = 'test/fuzz/convergence.test.ts';

/** Runs one seeded scenario; throws with the step log when the peers disagree. */
function runScenario(
  seed: number,
  { extra = [], liveReaders = true }: { extra?: readonly RandomCommand[]; liveReaders?: boolean } = {},
): void {
  const gen = prng.create(seed);
  const base = new Y.Doc();
  initBoardDoc(base, { schemaVersion: 1, title: 'Rivierenland', language: 'nl' });
  const peers: Peer[] = Array.from({ length: prng.int32(gen, 3, 5) }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = seed * 10 + i + 1; // deterministic ids make a failing seed replay exactly
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    return { name: `p${i}`, doc, origin: { peer: i }, counter: 0 };
  });
  const network = createNetwork(peers.map((peer) => peer.doc));
  // Each peer also keeps a live reader, which must always agree with a fresh readBoard.
  const readers = peers.map((peer) => createBoardReader(peer.doc));
  const checkReaders = (when: string) =>
    liveReaders &&
    readers.forEach((reader, i) => {
      const fresh = readBoard((peers[i] as Peer).doc);
      if (JSON.stringify(reader.read()) !== JSON.stringify(fresh)) {
        throw new Error(
          `live reader of p${i} disagrees with readBoard ${when}: ${difference(fresh, reader.read())}`,
        );
      }
    });
  const log: string[] = [];
  const steps = prng.int32(gen, 40, 160);
  for (let i = 0; i < steps; i++) {
    if (prng.int32(gen, 0, 2) === 0) {
      log.push(network.step(gen, true));
    } else {
      const peer = prng.oneOf(gen, peers);
      log.push(`${peer.name}: ${runRandomCommand(gen, peer, extra)}`);
    }
    if (prng.int32(gen, 0, 9) === 0) checkReaders(`after step ${i}`);
  }
  while (network.pending > 0 && prng.bool(gen)) log.push(network.step(gen, true));
  network.heal();
  checkReaders('after healing');
  const [first, ...rest] = peers.map((peer) => readBoard(peer.doc));
  for (const [i, board] of rest.entries()) {
    if (JSON.stringify(board) !== JSON.stringify(first)) {
      const tail = log.slice(-12).join('\n  ');
      throw new Error(
        `peer p${i + 1} differs from p0 after ${steps} steps: ${difference(first, board)}; last steps:\n  ${tail}`,
      );
    }
  }
  readers.forEach((reader) => reader.destroy());
  peers.forEach((peer) => peer.doc.destroy());
}

/** The first part where two read models disagree, for the failure message. */
function difference(a: unknown, b: unknown): string {
  const left = a as Record<string, readonly unknown[]>;
  const right = b as Record<string, readonly unknown[]>;
  for (const key of ['meta', 'items', 'links', 'votes', 'problems']) {
    const x = left[key];
    const y = right[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (!Array.isArray(x) || !Array.isArray(y)) return `${key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
    const at = x.findIndex((entry, n) => JSON.stringify(entry) !== JSON.stringify(y[n]));
    const index = at < 0 ? x.length : at;
    return `${key}[${index}]: ${JSON.stringify(x[index])} vs ${JSON.stringify(y[index])}`;
  }
  return 'no difference found';
}

/**
 * The deliberately broken command of the issue: it changes a stored array in place, which
 * writes outside any transaction, so only this replica sees the random value.
 */
const writeOutsideTransaction: RandomCommand = (gen, peer) => {
  const items = peer.doc.getMap<Y.Map<unknown>>('items');
  for (const item of items.values()) {
    const mechanisms = item.get('mechanisms');
    if (Array.isArray(mechanisms)) {
      mechanisms.push(prng.oneOf(gen, ['energizing', 'robustness', 'connecting']));
      return 'broken: push outside a transaction';
    }
  }
  return 'broken: no small win yet';
};

describe('convergence', () => {
  it('peers end identical for every seed', () => {
    const ran = forEachSeed(SUITE, 200, (seed) => runScenario(seed));
    expect(ran).toBeGreaterThan(0);
  });

  it.each([
    ['peers compared with each other', false, /differs from p0/],
    ['live readers compared with readBoard', true, /disagrees/],
  ])('catches a command that writes outside a transaction: %s', (_name, liveReaders, expected) => {
    const extra = Array<RandomCommand>(20).fill(writeOutsideTransaction);
    const caught = [1, 2, 3, 4, 5, 6, 7, 8].filter((seed) => {
      try {
        runScenario(seed, { extra, liveReaders });
        return false;
      } catch (error) {
        return expected.test(String(error));
      }
    });
    expect(caught.length).toBeGreaterThan(0);
  });
});

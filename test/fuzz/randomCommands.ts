/**
 * A seeded generator of board commands, as a busy workshop would issue them: most are valid,
 * some refer to items another peer just deleted or pick link kinds the rules refuse.
 */
import * as prng from 'lib0/prng';
import type * as Y from 'yjs';
import {
  castVote,
  CommandError,
  createItem,
  deleteItems,
  linkItems,
  moveItems,
  resizeItem,
  retractVote,
  setText,
  unlink,
  updateItem,
  updateLink,
} from '../../shared/commands';
import { ITEM_KINDS } from '../../shared/itemKinds';
import { BOUNDARY_DIMENSIONS, BOUNDARY_TYPES } from '../../shared/kinds/boundary';
import { SMALL_WIN_STATUSES } from '../../shared/kinds/smallWin';
import { LINK_KINDS } from '../../shared/links/registry';
import { MECHANISMS } from '../../shared/mechanisms';
import { readBoard } from '../../shared/readBoard';

/** One peer's identity in a scenario. */
export interface Peer {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly origin: object;
  counter: number;
}

/** A command a scenario can run: returns a short description for failure reports. */
export type RandomCommand = (gen: prng.PRNG, peer: Peer) => string;

const WORDS = ['water', 'boer', 'stuw', 'dijk', 'bodem', 'kring', '💧', 'ü', 'ambitie', ' '];

function pick<T>(gen: prng.PRNG, list: readonly T[]): T {
  return prng.oneOf(gen, list as T[]);
}

function someIds(gen: prng.PRNG, peer: Peer): string[] {
  const ids = readBoard(peer.doc).items.map((item) => item.id);
  // Now and then an id nobody has (or that another peer deleted a moment ago).
  if (ids.length === 0 || prng.int32(gen, 0, 9) === 0) return [`ghost-${prng.int32(gen, 0, 3)}`];
  return Array.from({ length: prng.int32(gen, 1, 3) }, () => pick(gen, ids));
}

const commands: Record<string, RandomCommand> = {
  create(gen, peer) {
    const kind = pick(gen, ITEM_KINDS);
    const id = `${peer.name}-${peer.counter++}`;
    createItem(
      peer.doc,
      {
        kind,
        id,
        x: prng.int32(gen, -2000, 2000),
        y: prng.int32(gen, -2000, 2000),
        text: prng.word(gen, 0, 12),
        createdBy: peer.name,
        createdAt: 1_795_000_000_000 + peer.counter,
      },
      peer.origin,
    );
    return `create ${kind} ${id}`;
  },
  update(gen, peer) {
    const [id = 'none'] = someIds(gen, peer);
    const patch = pick(gen, [
      { status: pick(gen, SMALL_WIN_STATUSES) },
      { mechanisms: MECHANISMS.filter(() => prng.bool(gen)) },
      { boundaryType: pick(gen, BOUNDARY_TYPES), dimension: pick(gen, BOUNDARY_DIMENSIONS) },
      { sphere: pick(gen, ['public', 'private', 'societal']) },
      { advice: pick(gen, ['do', 'dont']), mechanism: pick(gen, MECHANISMS) },
      { horizon: String(prng.int32(gen, 2030, 2060)) },
    ]);
    updateItem(peer.doc, id, patch, peer.origin);
    return `update ${id} ${JSON.stringify(patch)}`;
  },
  type(gen, peer) {
    const [id = 'none'] = someIds(gen, peer);
    const current = readBoard(peer.doc).items.find((item) => item.id === id)?.text ?? '';
    const at = prng.int32(gen, 0, current.length);
    const cut = prng.int32(gen, 0, Math.min(4, current.length - at));
    const next = current.slice(0, at) + pick(gen, WORDS) + current.slice(at + cut);
    setText(peer.doc, id, next, peer.origin);
    return `type ${id} ${JSON.stringify(next)}`;
  },
  move(gen, peer) {
    const ids = someIds(gen, peer);
    const delta = { dx: prng.int32(gen, -300, 300), dy: prng.int32(gen, -300, 300) };
    moveItems(peer.doc, ids, delta, peer.origin);
    return `move ${ids.join(',')} ${delta.dx},${delta.dy}`;
  },
  resize(gen, peer) {
    const [id = 'none'] = someIds(gen, peer);
    const box = {
      x: prng.int32(gen, -500, 500),
      y: prng.int32(gen, -500, 500),
      w: prng.int32(gen, 20, 600),
      h: prng.int32(gen, 20, 400),
    };
    resizeItem(peer.doc, id, box, peer.origin);
    return `resize ${id}`;
  },
  delete(gen, peer) {
    const ids = someIds(gen, peer);
    deleteItems(peer.doc, ids, peer.origin);
    return `delete ${ids.join(',')}`;
  },
  link(gen, peer) {
    const [from = 'none'] = someIds(gen, peer);
    const [to = 'none'] = someIds(gen, peer);
    const kind = pick(gen, LINK_KINDS);
    const id = `${peer.name}-l${peer.counter++}`;
    linkItems(
      peer.doc,
      { kind, from, to, id, label: prng.bool(gen) ? prng.word(gen, 1, 8) : undefined },
      peer.origin,
    );
    return `link ${kind} ${from}->${to}`;
  },
  relabel(gen, peer) {
    const links = readBoard(peer.doc).links;
    if (links.length === 0) return 'relabel (no links)';
    const link = pick(gen, links);
    updateLink(peer.doc, link.id, { label: prng.bool(gen) ? prng.word(gen, 1, 8) : null }, peer.origin);
    return `relabel ${link.id}`;
  },
  unlink(gen, peer) {
    const links = readBoard(peer.doc).links;
    const id = links.length > 0 ? pick(gen, links).id : 'ghost-link';
    unlink(peer.doc, [id], peer.origin);
    return `unlink ${id}`;
  },
  vote(gen, peer) {
    const [id = 'none'] = someIds(gen, peer);
    if (prng.int32(gen, 0, 3) === 0) retractVote(peer.doc, id, peer.name, peer.origin);
    else castVote(peer.doc, id, peer.name, peer.origin);
    return `vote ${id}`;
  },
};

/** Weighted names: creation and typing dominate a real workshop. */
const WEIGHTED = [
  ...Array<string>(5).fill('create'),
  ...Array<string>(4).fill('type'),
  ...Array<string>(3).fill('move'),
  ...Array<string>(3).fill('link'),
  'update',
  'update',
  'resize',
  'delete',
  'relabel',
  'unlink',
  'vote',
  'vote',
];

/** Runs one random command; a CommandError (refused input) is a normal outcome, anything else is a bug. */
export function runRandomCommand(gen: prng.PRNG, peer: Peer, extra: readonly RandomCommand[] = []): string {
  const all = [...WEIGHTED.map((name) => commands[name] as RandomCommand), ...extra];
  const command = pick(gen, all);
  try {
    return command(gen, peer);
  } catch (error) {
    if (error instanceof CommandError) return `refused: ${error.message}`;
    throw error;
  }
}

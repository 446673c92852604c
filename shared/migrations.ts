/**
 * Document migrations, run by the server when a room loads (never by clients).
 *
 * Each migration lifts a document by exactly one schema version. They run on a scratch copy
 * inside one transaction; only when all of them succeed does the difference land on the real
 * document, as one update. A failing migration therefore leaves the document untouched.
 *
 *   const { from, to } = migrateDoc(doc); // e.g. 0 → 1, then store the update it emitted
 */
import * as Y from 'yjs';
import { entryMaps, getItems, getLinks, getMeta } from './ydoc';
import { compareIndex, indexAbove, isValidIndex } from './zOrder';

/** One step from `version - 1` to `version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Rewrites the document in place; runs inside the migration transaction. */
  up(doc: Y.Doc): void;
}

/** Thrown when a document cannot be migrated; the document was not changed. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * v0 → v1. v0 is a document without `schemaVersion`: what early scripts and third-party
 * writers produce. They stored `text` as a plain string (so typing could not merge),
 * omitted `id` inside the entry, and left out index and authorship.
 */
const v1: Migration = {
  version: 1,
  name: 'v1: text as Y.Text, ids, z-order and authorship on every item',
  up(doc) {
    const items = getItems(doc);
    const missingIndex: [string, Y.Map<unknown>][] = [];
    for (const [key, item] of entryMaps(items)) {
      const text = item.get('text');
      if (typeof text === 'string') item.set('text', new Y.Text(text));
      else if (text === undefined) item.set('text', new Y.Text());
      if (item.get('id') === undefined) item.set('id', key);
      if (typeof item.get('createdBy') !== 'string') item.set('createdBy', '');
      if (typeof item.get('createdAt') !== 'number') item.set('createdAt', 0);
      if (typeof item.get('index') !== 'string') missingIndex.push([key, item]);
    }
    // Items without a z-order go on top, oldest lowest, so the stacking people saw is kept.
    const keys = [...entryMaps(items)]
      .map(([, item]) => item.get('index'))
      .filter((i) => typeof i === 'string');
    let top = indexAbove(keys.filter(isValidIndex));
    missingIndex.sort(
      ([a, ma], [b, mb]) => Number(ma.get('createdAt')) - Number(mb.get('createdAt')) || compareIndex(a, b),
    );
    for (const [, item] of missingIndex) {
      item.set('index', top);
      top = indexAbove([top]);
    }
    for (const [key, link] of entryMaps(getLinks(doc))) {
      if (link.get('id') === undefined) link.set('id', key);
    }
    const meta = getMeta(doc);
    if (typeof meta.get('title') !== 'string') meta.set('title', '');
    if (meta.get('language') !== 'nl' && meta.get('language') !== 'en') meta.set('language', 'nl');
  },
};

/** Every migration, in order. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [v1];

/** The format version this code reads and writes. */
export const CURRENT_SCHEMA_VERSION: number = migrations.length;

/** Throws unless the list starts at version 1 and goes up by exactly one each step. */
export function checkMigrations(list: readonly Migration[]): void {
  list.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new MigrationError(
        `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}`,
      );
    }
  });
}

/** The schema version stored in a document; 0 when it has none (a v0 document). */
export function docSchemaVersion(doc: Y.Doc): number {
  const version = getMeta(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** What migrateDoc did. */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/** Brings a document up to the newest version; atomic: on error the document is unchanged. */
export function migrateDoc(
  doc: Y.Doc,
  options: { migrations?: readonly Migration[]; origin?: unknown } = {},
): MigrationResult {
  const list = options.migrations ?? migrations;
  checkMigrations(list);
  const from = docSchemaVersion(doc);
  const latest = list.length;
  if (from > latest) {
    throw new MigrationError(`document has schema version ${from}; this program knows up to ${latest}`);
  }
  const pending = list.slice(from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  const scratch = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const applied: string[] = [];
  scratch.transact(() => {
    for (const migration of pending) {
      try {
        migration.up(scratch);
      } catch (error) {
        throw new MigrationError(`migration "${migration.name}" failed: ${(error as Error).message}`);
      }
      getMeta(scratch).set('schemaVersion', migration.version);
      applied.push(migration.name);
    }
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)), options.origin);
  scratch.destroy();
  return { from, to: latest, applied };
}

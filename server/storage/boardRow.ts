/** The `boards` table's row as SQLite and PostgreSQL both return it, and the record it holds. */
import type { BoardRecord } from './storage';

/** One row of `boards` (PostgreSQL returns BIGINT `created_at` as a string). */
export interface BoardRow {
  id: string;
  title: string;
  language: string;
  created_at: number | string;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  viewer_hash: Buffer;
  participant_gen: number | null;
  viewer_gen: number | null;
}

/** The board a row holds; link generations only where the row has them. */
export function boardFromRow(row: BoardRow): BoardRecord {
  const generations: Partial<Record<'participant' | 'viewer', number>> = {};
  if (row.participant_gen !== null) generations.participant = row.participant_gen;
  if (row.viewer_gen !== null) generations.viewer = row.viewer_gen;
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    createdAt: Number(row.created_at),
    tokenHashes: {
      facilitator: new Uint8Array(row.facilitator_hash),
      participant: new Uint8Array(row.participant_hash),
      viewer: new Uint8Array(row.viewer_hash),
    },
    ...(Object.keys(generations).length > 0 ? { generations } : {}),
  };
}

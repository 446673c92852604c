/**
 * Fields every board item shares (format v1, DESIGN.md contract 1).
 *
 * These schemas describe the *plain* form of an item: `text` is a string here, while in the
 * Y.Doc it is a Y.Text. Readers turn the Y.Map into this form before parsing.
 */
import { z } from 'zod';
import { toWellFormed } from '../wellFormed';

/** Coordinates beyond this are refused: they only arise from bugs or hostile peers and break zoom-to-fit. */
export const MAX_COORDINATE = 10_000_000;
/** Longest item text a writer accepts; a reader truncates longer text instead of dropping the item. */
export const MAX_TEXT_LENGTH = 10_000;
/** Longest id, user id or fractional index a writer accepts. */
export const MAX_ID_LENGTH = 200;
/** Smallest width or height of a box-shaped item a writer accepts, so it stays clickable. */
export const MIN_BOX_SIZE = 20;

/** A string as every replica will see it: lone surrogates replaced (see wellFormed.ts). */
export function wireString() {
  return z.string().overwrite(toWellFormed);
}

/** A finite board coordinate. zod 4 numbers already refuse NaN and ±Infinity. */
export const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);
/** A finite, non-negative size of a box-shaped item. */
export const boxSize = z.number().min(0).max(MAX_COORDINATE);

/** Zod shape of the fields every item has; each kind file spreads it and adds its own. */
export const baseItemShape = {
  /** Equals the item's key in the `items` map, so a plain JSON copy keeps its identity. */
  id: wireString().min(1).max(MAX_ID_LENGTH),
  /** Left edge (or a boundary marker's start point), in board units. */
  x: coordinate,
  /** Top edge (or a boundary marker's start point), in board units. */
  y: coordinate,
  /** Width; for a boundary marker the line's x extent, which may be negative. */
  w: boxSize,
  /** Height; for a boundary marker the line's y extent, which may be negative. */
  h: boxSize,
  /** What people wrote on the item. A Y.Text in the document so two typists merge. */
  text: wireString().max(MAX_TEXT_LENGTH).default(''),
  /** Fractional index for z-order: inserting between two items never renumbers the others. */
  index: wireString().min(1).max(MAX_ID_LENGTH).default('a0'),
  /** User id of the author, so a facilitator can see whose contribution it was. */
  createdBy: wireString().max(MAX_ID_LENGTH).default(''),
  /** Creation time in ms since epoch: orders a harvest and feeds the report's timeline. */
  createdAt: z.number().min(0).max(8_640_000_000_000_000).default(0),
};

/** Geometry and look a newly created item of a kind starts with. */
export interface KindDefaults {
  readonly w: number;
  readonly h: number;
}

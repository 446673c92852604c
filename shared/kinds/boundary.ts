/**
 * Boundary marker: a line the group draws where collaboration meets a boundary (grenzenwerk).
 * It is the line from (x, y) to (x + w, y + h), so w and h may be negative.
 */
import { z } from 'zod';
import { baseItemShape, coordinate, type KindDefaults } from './base';

/** Kind of boundary (deck: fysiek, cognitief, sociaal); sets the marker's colour and icon. */
export const BOUNDARY_TYPES = ['physical', 'cognitive', 'social'] as const;

/** What the boundary separates (deck: beleidsdomeinen, schaalniveaus, sferen, binnen-buiten, disciplines). */
export const BOUNDARY_DIMENSIONS = [
  'policyDomain',
  'scaleLevel',
  'sphere',
  'insideOutside',
  'discipline',
] as const;

/** One of the boundary types. */
export type BoundaryType = (typeof BOUNDARY_TYPES)[number];
/** One of the boundary dimensions. */
export type BoundaryDimension = (typeof BOUNDARY_DIMENSIONS)[number];

/** Zod schema of a boundary marker in plain form. */
export const boundarySchema = z.object({
  ...baseItemShape,
  kind: z.literal('boundary'),
  /** The line's x extent: negative when it runs leftwards. */
  w: coordinate,
  /** The line's y extent: negative when it runs upwards. */
  h: coordinate,
  /** Physical (chance of meeting), cognitive (knowledge, language) or social (identity, trust). */
  boundaryType: z.enum(BOUNDARY_TYPES).default('physical'),
  /** Which configuration the line separates; paths report crossings by it. */
  dimension: z.enum(BOUNDARY_DIMENSIONS).default('policyDomain'),
});

/** A boundary marker as the read model holds it. */
export type Boundary = z.infer<typeof boundarySchema>;

/** A new marker is a horizontal line; people rotate it by dragging an end. */
export const boundaryDefaults: KindDefaults = { w: 400, h: 0 };

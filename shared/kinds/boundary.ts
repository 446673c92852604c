/**
 * Boundary marker: a line the group draws where collaboration meets a boundary (grenzenwerk).
 * It is the line from (x, y) to (x + w, y + h), so w and h may be negative.
 */
import { z } from 'zod';
import { stripBidiControls } from '../bidi';
import { label } from '../i18n';
import type { Primitive } from '../render/primitives';
import { BOUNDARY_STYLE } from '../render/theme';
import { baseItemShape, coordinate, type KindDefaults } from './base';
import { defineKind } from './define';
import { oneLine } from './drawParts';

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

/** The boundary kind: a thick dashed line in its type's colour, its glyph and dimension at the middle. */
export const boundaryKind = defineKind({
  kind: 'boundary',
  schema: boundarySchema,
  defaults: boundaryDefaults,
  traits: { shape: 'line', isBackground: false, editsTextInPlace: false, height: 'fixed', linkEnds: [] },
  // Its note is written in the inspector and drawn as one line beside its caption.
  text: { left: 0, top: 0, fontSize: 13, weight: 'bold', bottom: 0, lineHeight: 1, wrap: 'none' },
  report: {
    heading: 'section.boundary',
    line(marker, { language }) {
      const type = label(language, `boundaryType.${marker.boundaryType}`);
      const text = marker.text ? `: ${oneLine(marker.text)}` : '';
      return `${type.charAt(0).toUpperCase()}${type.slice(1)}, ${label(language, `dimension.${marker.dimension}`)}${text}`;
    },
  },
  draw(item, _layout, { language, detail }) {
    const style = BOUNDARY_STYLE[item.boundaryType];
    const line: Primitive = {
      type: 'line',
      points: [0, 0, item.w, item.h],
      stroke: style.colour,
      strokeWidth: 5,
      dash: style.dash,
      lineCap: 'round',
    };
    if (detail === 'low') return [line];
    const x = item.w / 2;
    const y = item.h / 2;
    const kind = `${label(language, `boundaryType.${item.boundaryType}`)} · ${label(language, `dimension.${item.dimension}`)}`;
    const note = oneLine(stripBidiControls(item.text));
    return [
      line,
      { type: 'circle', x, y, r: 13, fill: '#ffffff', stroke: style.colour, strokeWidth: 2 },
      {
        type: 'text',
        x,
        y: y - 7,
        lines: [style.glyph],
        fontSize: 13,
        colour: style.colour,
        lineHeight: 1,
        align: 'middle',
      },
      {
        type: 'text',
        x: x + 18,
        y: y - 8,
        lines: [note ? `${kind} — ${note}` : kind],
        fontSize: 13,
        bold: true,
        colour: style.colour,
        lineHeight: 1,
        // A white halo keeps the caption readable across lines and cards.
        halo: '#ffffff',
      },
    ];
  },
});

/**
 * What an item kind is, in one object: its schema and defaults, the traits generic code asks
 * instead of naming kinds, its text metrics, its report section and its drawing. Each
 * shared/kinds/<kind>.ts exports one; shared/kinds/registry.ts lists them.
 *
 *   export const noteKind = defineKind({ kind: 'note', schema: noteSchema, ... });
 */
import type { z } from 'zod';
import type { LabelKey } from '../i18n';
import type { BoardLink } from '../links/link';
import type { ItemLayout } from '../render/layout';
import type { DrawOptions, Primitive } from '../render/primitives';
import type { Language } from '../ydoc';
import type { KindDefaults } from './base';

/** Which end of a link an item of a kind may be. */
export type LinkEnd = 'from' | 'to';

/** What generic code (geometry, editor, canvas, exports) asks about a kind instead of its name. */
export interface KindTraits {
  /** 'line': a segment from (x, y) to (x + w, y + h), w and h may be negative; 'box': a rectangle. */
  readonly shape: 'box' | 'line';
  /** A background area (a frame): created under everything, picked by a marquee only when wholly inside, never dimmed. */
  readonly isBackground: boolean;
  /** Its text is typed on the item itself (a text editor over it), not in the inspector. */
  readonly editsTextInPlace: boolean;
  /** 'grows': drawn taller than stored when its text needs it; 'fixed': keeps its stored height. */
  readonly height: 'grows' | 'fixed';
  /** The link ends it may be (DOMAIN.md, shared/links); empty when no link touches it. */
  readonly linkEnds: readonly LinkEnd[];
}

/** Where and how a kind's text is laid out, in board units. */
export interface KindTextMetrics {
  /** Left edge of the text; it wraps at the same distance from the right edge. */
  readonly left: number;
  /** Top of the first line. */
  readonly top: number;
  readonly fontSize: number;
  readonly weight: 'normal' | 'bold';
  /** Room kept below the text when the item grows to fit it. */
  readonly bottom: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** At most this many lines, the last ending in an ellipsis when cut (a frame's title). */
  readonly maxLines?: number;
  /** Text drawn larger when zoomed far out, so a frame's title stays findable. */
  readonly lowDetail?: { readonly fontSize: number; readonly maxLines: number };
  /** 'none': the kind draws no wrapped body (a boundary marker writes its caption on one line). */
  readonly wrap: 'words' | 'none';
}

/** What a report line may use besides the item. */
export interface ReportContext {
  /** The board's items and links; items typed by their box only, so this file needs no BoardItem. */
  readonly board: {
    readonly items: readonly {
      readonly id: string;
      readonly kind: string;
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
    }[];
    readonly links: readonly BoardLink[];
  };
  readonly language: Language;
  /** An item's text on one line, or a placeholder when it has none. */
  name(id: string): string;
}

/** A kind's own section of the report; null when the report's analysis sections already list it. */
export type KindReport<T> = {
  /** Heading of the section, a label in shared/i18n. */
  readonly heading: LabelKey;
  /** One list entry per item of the kind. */
  line(item: T, context: ReportContext): string;
} | null;

/** A zod object schema of one kind, discriminated on `kind`. */
export type KindSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>;

/** One item kind, defined once. */
export interface KindDefinition<S extends KindSchema = KindSchema> {
  readonly kind: z.output<S>['kind'];
  readonly schema: S;
  readonly defaults: KindDefaults;
  readonly traits: KindTraits;
  readonly text: KindTextMetrics;
  readonly report: KindReport<z.output<S>>;
  /** The item's drawing in item-local board units; (0, 0) is (item.x, item.y). */
  draw(item: z.output<S>, layout: ItemLayout, options: DrawOptions): Primitive[];
}

/** Declares a kind; a function so each kind file reads as one definition with its types inferred. */
export function defineKind<S extends KindSchema>(definition: KindDefinition<S>): KindDefinition<S> {
  return definition;
}

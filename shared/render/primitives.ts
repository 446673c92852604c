/**
 * A drawing as data: what a kind or a link looks like, as a list of primitives in board
 * units relative to the item's top-left corner. The canvas (client/canvas/paint) and the
 * exports (shared/render/svg) each interpret the same list, so a download looks like the board.
 */

/** Fill and stroke of a shape; absent means not filled or not stroked. */
export interface Paint {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: readonly number[];
  /** 0..1, multiplied with the item's own opacity. */
  readonly opacity?: number;
}

/** One primitive. Text is always plain text: painters never parse it. */
export type Primitive =
  | ({
      readonly type: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      radius?: number | readonly [number, number, number, number];
      shadow?: boolean;
    } & Paint)
  | ({ readonly type: 'circle'; x: number; y: number; r: number } & Paint)
  | ({ readonly type: 'ellipse'; x: number; y: number; rx: number; ry: number } & Paint)
  | ({ readonly type: 'polygon'; points: readonly number[] } & Paint)
  | ({
      readonly type: 'line';
      points: readonly number[];
      arrow?: 'end' | 'both';
      /** 'round' ends a thick line in a half disc (a boundary marker); butt by default. */
      lineCap?: 'butt' | 'round';
    } & Paint)
  | {
      readonly type: 'text';
      /** Left edge (align start), centre (middle) or right edge (end) of each line. */
      x: number;
      /** Top of the first line's box; line i's box starts at y + i * fontSize * lineHeight. */
      y: number;
      lines: readonly string[];
      fontSize: number;
      bold?: boolean;
      colour: string;
      lineHeight?: number;
      align?: 'start' | 'middle' | 'end';
      letterSpacing?: number;
      opacity?: number;
      /** A 4-unit outline of this colour under the text, so it reads across lines and cards. */
      halo?: string;
    };

/** What a drawing may depend on besides the item itself. */
export interface DrawOptions {
  readonly language: 'en' | 'nl';
  /** 'low' when zoomed out so far that text is unreadable: draw shapes and colour only. */
  readonly detail: 'full' | 'low';
}

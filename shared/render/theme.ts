/**
 * The visual language of the board: one place for colours, type and card metrics, shared by
 * the canvas (client/canvas/theme.ts re-exports this) and the SVG/PNG/PDF exports, so a
 * download looks like the canvas.
 */
import type { ActorSphere } from '../kinds/actor';
import type { BoundaryType } from '../kinds/boundary';
import type { SmallWinStatus } from '../kinds/smallWin';
import type { LinkKind } from '../links/registry';
import type { Mechanism } from '../mechanisms';

/** Fonts every system has; Konva draws with the first one available. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/**
 * The exports draw with DejaVu Sans: the server embeds it (dejavu-fonts-ttf) in PNG and PDF,
 * and text is wrapped with its metrics (fontMetrics.ts). A viewer of the SVG without it gets
 * Verdana (about as wide) or the generic sans-serif.
 */
export const EXPORT_FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif";

export const INK = '#1d2b33';
export const MUTED = '#5b6b73';
export const SELECTION = '#0b72e7';
export const CANVAS_BACKGROUND = '#f6f4ef';
export const GRID_DOT = '#d9d4c7';

/** Ambitions are deep water blue: the destination everyone looks for. */
export const AMBITION = { fill: '#1f4e8c', text: '#ffffff', accent: '#9cc3f5' };

/** Small win status colours: grey-blue idea, amber underway, green realised, red stalled. */
export const STATUS_COLOURS: Record<SmallWinStatus, string> = {
  idea: '#7d8fa3',
  underway: '#d99a1e',
  realised: '#2e8b57',
  stalled: '#c0392b',
};

/** Boundary colours and the glyph drawn on the marker, per type. */
export const BOUNDARY_STYLE: Record<BoundaryType, { colour: string; dash: number[]; glyph: string }> = {
  physical: { colour: '#8a5a2b', dash: [18, 8], glyph: '▲' },
  cognitive: { colour: '#7b3fa0', dash: [6, 6], glyph: '◆' },
  social: { colour: '#c0392b', dash: [14, 5, 3, 5], glyph: '●' },
};

/** Actor outline colour per sphere. */
export const SPHERE_COLOURS: Record<ActorSphere, string> = {
  public: '#0b6e75',
  private: '#b5651d',
  societal: '#8e44ad',
};

/** Mechanism badges: a letter on a colour, small enough to sit in a row of six. */
export const MECHANISM_BADGES: Record<Mechanism, { letter: string; colour: string }> = {
  energizing: { letter: 'E', colour: '#e67e22' },
  experimenting: { letter: 'X', colour: '#16a085' },
  attraction: { letter: 'A', colour: '#d35400' },
  bandwagon: { letter: 'B', colour: '#2980b9' },
  connecting: { letter: 'C', colour: '#8e44ad' },
  robustness: { letter: 'R', colour: '#2c3e50' },
};

/** Link colours and dashes: path kinds are solid, the others dashed. */
export const LINK_STYLE: Record<LinkKind, { colour: string; dash?: number[] }> = {
  contributes: { colour: '#1f4e8c' },
  spreads: { colour: '#2e8b57' },
  broadens: { colour: '#16a085' },
  deepens: { colour: '#6c3483' },
  enables: { colour: '#5b6b73' },
  propels: { colour: '#d35400', dash: [10, 6] },
  involves: { colour: '#7f8c8d', dash: [3, 5] },
};

/** Intervention tags: DO green, DON'T red (and struck through). */
export const ADVICE_COLOURS = { do: '#2e8b57', dont: '#c0392b' } as const;

export const NOTE = { fill: '#fff3a6', border: '#e6d36a' };
export const FRAME = { fill: 'rgba(11, 110, 117, 0.06)', border: '#8fb9bb', title: '#0b6e75' };
export const CARD = { fill: '#ffffff', border: '#d5d9dc', radius: 10, padding: 14 };

/** Line height of card text, as a multiple of the font size (the canvas uses the same). */
export const LINE_HEIGHT = 1.3;

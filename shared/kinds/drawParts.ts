/**
 * Pieces of drawings every card kind shares, as primitives: the card with its soft shadow,
 * the small upper-case caption, the wrapped body and the mechanism badges.
 */
import { stripBidiControls } from '../bidi';
import type { Mechanism } from '../mechanisms';
import type { ItemLayout } from '../render/layout';
import type { Primitive } from '../render/primitives';
import { CARD, MECHANISM_BADGES } from '../render/theme';

/** A rounded card with a soft shadow (painters draw the shadow at full detail only). */
export function cardShape(
  w: number,
  h: number,
  fill: string,
  stroke: string,
  radius: number = CARD.radius,
  dash?: readonly number[],
): Primitive {
  return {
    type: 'rect',
    x: 0,
    y: 0,
    w,
    h,
    radius,
    fill,
    stroke,
    strokeWidth: 1.5,
    shadow: true,
    ...(dash && { dash }),
  };
}

/** A small upper-case caption (the kind, a status) at the top of a card. */
export function caption(text: string, colour: string, x: number = CARD.padding, y = 10): Primitive {
  return {
    type: 'text',
    x,
    y,
    lines: [stripBidiControls(text).toUpperCase()],
    fontSize: 11,
    bold: true,
    colour,
    lineHeight: 1,
    letterSpacing: 0.6,
  };
}

/** The wrapped body text as the layout placed it. */
export function bodyText(layout: ItemLayout, colour: string): Primitive {
  return {
    type: 'text',
    x: layout.left,
    y: layout.top,
    lines: layout.lines,
    fontSize: layout.fontSize,
    bold: layout.bold,
    colour,
    lineHeight: layout.lineHeight,
  };
}

/** A row of mechanism badges centred on `y`, along the bottom of a card. */
export function mechanismBadges(mechanisms: readonly Mechanism[], y: number): Primitive[] {
  return mechanisms.flatMap((mechanism, i): Primitive[] => {
    const badge = MECHANISM_BADGES[mechanism];
    const x = CARD.padding + 9 + i * 22;
    return [
      { type: 'circle', x, y, r: 9, fill: badge.colour },
      centredLabel(badge.letter, x, y, 11, '#ffffff'),
    ];
  });
}

/** One bold line centred on (x, y). */
export function centredLabel(
  text: string,
  x: number,
  y: number,
  fontSize: number,
  colour: string,
): Primitive {
  return {
    type: 'text',
    x,
    y: y - fontSize / 2,
    lines: [text],
    fontSize,
    bold: true,
    colour,
    lineHeight: 1,
    align: 'middle',
  };
}

/** Board text on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

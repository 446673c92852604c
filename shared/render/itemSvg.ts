/**
 * Each item kind as SVG, the same shapes, colours and type as its canvas component
 * (client/canvas/kinds/*.tsx), relative to the item's top-left corner.
 */
import { label } from '../i18n';
import type { Actor } from '../kinds/actor';
import type { Ambition } from '../kinds/ambition';
import type { Boundary } from '../kinds/boundary';
import type { Frame } from '../kinds/frame';
import type { Intervention } from '../kinds/intervention';
import type { Note } from '../kinds/note';
import type { SmallWin } from '../kinds/smallWin';
import type { Mechanism } from '../mechanisms';
import type { BoardItem } from '../schema';
import type { Language } from '../ydoc';
import { baseline, cardBody, displayHeight } from './layout';
import { dash, el, num, textEl } from './svgMarkup';
import { ellipsize, measureText, wrapText } from './textMeasure';
import {
  ADVICE_COLOURS,
  AMBITION,
  BOUNDARY_STYLE,
  CARD,
  FRAME,
  INK,
  MECHANISM_BADGES,
  NOTE,
  SPHERE_COLOURS,
  STATUS_COLOURS,
} from './theme';

/** An item's SVG group, positioned on the board. */
export function itemSvg(item: BoardItem, language: Language): string {
  const body = kindSvg(item, language);
  return el('g', { transform: `translate(${num(item.x)} ${num(item.y)})` }, body);
}

function kindSvg(item: BoardItem, language: Language): string {
  switch (item.kind) {
    case 'ambition':
      return ambitionSvg(item, language);
    case 'smallWin':
      return smallWinSvg(item, language);
    case 'boundary':
      return boundarySvg(item, language);
    case 'actor':
      return actorSvg(item, language);
    case 'intervention':
      return interventionSvg(item, language);
    case 'note':
      return noteSvg(item);
    case 'frame':
      return frameSvg(item);
  }
}

function card(
  w: number,
  h: number,
  fill: string,
  stroke: string,
  radius = CARD.radius,
  pattern?: number[],
): string {
  // A soft offset shadow instead of a blur filter: filters cost far too much on big boards.
  return (
    el('rect', { y: 2, width: w, height: h, rx: radius, fill: INK, 'fill-opacity': 0.08 }) +
    el('rect', {
      width: w,
      height: h,
      rx: radius,
      fill,
      stroke,
      'stroke-width': 1.5,
      'stroke-dasharray': dash(pattern),
    })
  );
}

function bodyText(item: BoardItem, colour: string): string {
  const body = cardBody(item);
  const spans = body.lines
    .map((line, i) =>
      textEl(line, {
        x: CARD.padding,
        y: baseline(body.top, i, body.fontSize),
      }),
    )
    .join('');
  return el(
    'g',
    { 'font-size': body.fontSize, 'font-weight': body.bold ? 'bold' : undefined, fill: colour },
    spans,
  );
}

function caption(text: string, colour: string, x = CARD.padding, y = 10): string {
  return textEl(text.toUpperCase(), {
    x,
    y: y + 11 * 0.85,
    'font-size': 11,
    'font-weight': 'bold',
    'letter-spacing': 0.6,
    fill: colour,
  });
}

function badges(mechanisms: readonly Mechanism[], y: number): string {
  return mechanisms
    .map((mechanism, i) => {
      const badge = MECHANISM_BADGES[mechanism];
      const cx = CARD.padding + 9 + i * 22;
      return (
        el('circle', { cx, cy: y, r: 9, fill: badge.colour }) +
        textEl(badge.letter, {
          x: cx,
          y: y + 4,
          'font-size': 11,
          'font-weight': 'bold',
          'text-anchor': 'middle',
          fill: '#ffffff',
        })
      );
    })
    .join('');
}

function ambitionSvg(item: Ambition, language: Language): string {
  const h = displayHeight(item);
  const title = item.horizon
    ? `${label(language, 'kind.ambition')} · ${item.horizon}`
    : label(language, 'kind.ambition');
  const cx = item.w - CARD.padding - 9;
  return (
    card(item.w, h, AMBITION.fill, AMBITION.fill, 14) +
    el('circle', { cx, cy: 18, r: 9, fill: 'none', stroke: AMBITION.accent, 'stroke-width': 2 }) +
    el('circle', { cx, cy: 18, r: 4, fill: AMBITION.accent }) +
    caption(title, AMBITION.accent, CARD.padding, 14) +
    bodyText(item, AMBITION.text)
  );
}

function smallWinSvg(item: SmallWin, language: Language): string {
  const h = displayHeight(item);
  const colour = STATUS_COLOURS[item.status];
  // The status bar: the card's left edge, rounded on the outside only (Konva clamps the radius to 4).
  const bar = `M4 0H8V${num(h)}H4A4 4 0 0 1 0 ${num(h - 4)}V4A4 4 0 0 1 4 0Z`;
  return (
    card(item.w, h, CARD.fill, colour) +
    el('path', { d: bar, fill: colour }) +
    caption(`${label(language, 'kind.smallWin')} · ${label(language, `status.${item.status}`)}`, colour) +
    bodyText(item, INK) +
    badges(item.mechanisms, h - 18)
  );
}

function actorSvg(item: Actor, language: Language): string {
  const h = displayHeight(item);
  const colour = SPHERE_COLOURS[item.sphere];
  const cx = item.w - CARD.padding - 8;
  return (
    card(item.w, h, '#ffffff', colour, Math.min(28, h / 2)) +
    el('circle', { cx, cy: 13, r: 4, fill: colour }) +
    el('ellipse', { cx, cy: 23, rx: 7, ry: 4.2, fill: colour }) +
    caption(
      `${label(language, 'kind.actor')} · ${label(language, `sphere.${item.sphere}`)}`,
      colour,
      CARD.padding + 4,
    ) +
    bodyText(item, INK)
  );
}

function interventionSvg(item: Intervention, language: Language): string {
  const h = displayHeight(item);
  const colour = ADVICE_COLOURS[item.advice];
  const tag = label(language, `advice.${item.advice}`).toUpperCase();
  const tagWidth = tag.length * 8 + 14;
  const tagX = item.w - CARD.padding - tagWidth;
  const strike =
    item.advice === 'dont'
      ? el('line', {
          x1: CARD.padding,
          y1: h - 10,
          x2: item.w - CARD.padding,
          y2: h - 10,
          stroke: colour,
          'stroke-width': 2,
        })
      : '';
  return (
    card(item.w, h, '#fbfbf9', colour, CARD.radius, item.advice === 'dont' ? [8, 4] : undefined) +
    el('rect', { x: tagX, y: 9, width: tagWidth, height: 18, rx: 9, fill: colour }) +
    textEl(tag, {
      x: tagX + tagWidth / 2,
      y: 22,
      'font-size': 11,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#ffffff',
    }) +
    caption(label(language, `mechanism.${item.mechanism}`), MECHANISM_BADGES[item.mechanism].colour) +
    bodyText(item, INK) +
    strike
  );
}

function noteSvg(item: Note): string {
  return card(item.w, displayHeight(item), NOTE.fill, NOTE.border, 3) + bodyText(item, INK);
}

function frameSvg(item: Frame): string {
  const width = Math.max(10, item.w - 36);
  // Two lines of title at most, like the canvas; the second ends in an ellipsis when cut.
  const wrapped = wrapText(item.text, width, 18, 'bold', 1).lines;
  const lines = wrapped.slice(0, 2);
  if (wrapped.length > 2)
    lines[1] = ellipsize(`${lines[1] ?? ''} ${wrapped.slice(2).join(' ')}`, width, 18, 'bold');
  return (
    el('rect', {
      width: item.w,
      height: item.h,
      rx: 18,
      fill: FRAME.fill,
      stroke: FRAME.border,
      'stroke-width': 2,
      'stroke-dasharray': '12 6',
    }) +
    lines
      .map((line, i) =>
        textEl(line, {
          x: 18,
          y: baseline(14, i, 18, 1),
          'font-size': 18,
          'font-weight': 'bold',
          fill: FRAME.title,
        }),
      )
      .join('')
  );
}

function boundarySvg(item: Boundary, language: Language): string {
  const style = BOUNDARY_STYLE[item.boundaryType];
  const midX = item.w / 2;
  const midY = item.h / 2;
  const kind = `${label(language, `boundaryType.${item.boundaryType}`)} · ${label(language, `dimension.${item.dimension}`)}`;
  const text = item.text ? `${kind} — ${item.text.replace(/\s+/g, ' ')}` : kind;
  const at = { x: midX + 18, y: midY - 8 + 13 * 0.85, 'font-size': 13, 'font-weight': 'bold' };
  return (
    el('line', {
      x1: 0,
      y1: 0,
      x2: item.w,
      y2: item.h,
      stroke: style.colour,
      'stroke-width': 5,
      'stroke-dasharray': dash(style.dash),
      'stroke-linecap': 'round',
    }) +
    el('circle', { cx: midX, cy: midY, r: 13, fill: '#ffffff', stroke: style.colour, 'stroke-width': 2 }) +
    textEl(style.glyph, {
      x: midX,
      y: midY + 4.5,
      'font-size': 13,
      'text-anchor': 'middle',
      fill: style.colour,
    }) +
    // A white halo under the caption keeps it readable across lines and cards.
    textEl(text, {
      ...at,
      fill: '#ffffff',
      stroke: '#ffffff',
      'stroke-width': 4,
      'stroke-linejoin': 'round',
    }) +
    textEl(text, { ...at, fill: style.colour })
  );
}

/** Width of a caption of the exports' link labels (used for their backgrounds). */
export function labelWidth(text: string, fontSize: number): number {
  return measureText(text, fontSize);
}

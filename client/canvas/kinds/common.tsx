/** Pieces every card shares: its measured height, its wrapped text, a small caption and badges. */
import { Circle, Group, Rect, Text } from 'react-konva';
import type { BoardItem } from '../../../shared/schema';
import { layoutText } from '../textLayout';
import { CARD, FONT_FAMILY, MECHANISM_BADGES } from '../theme';
import type { Mechanism } from '../../../shared/mechanisms';
import type { Language } from '../../../shared/ydoc';
import { stripBidiControls } from '../../../shared/bidi';

/** Level of detail: below about a third of full size, text is unreadable and only costs time. */
export type Detail = 'full' | 'low';

/** What every kind component receives. */
export interface KindProps<T extends BoardItem = BoardItem> {
  item: T;
  detail: Detail;
  language: Language;
}

/** Text metrics of a card body. */
export interface BodyLayout {
  readonly lines: readonly string[];
  readonly fontSize: number;
  readonly top: number;
  readonly height: number;
}

/** The height a card needs: its stored height, or more when its text wraps further. */
export function cardHeight(item: BoardItem, body: BodyLayout, bottom: number): number {
  return Math.max(item.h, body.top + body.height + bottom);
}

/** Lays out a card's text inside its padding. */
export function bodyLayout(item: BoardItem, top: number, fontSize: number, weight = 'normal'): BodyLayout {
  const block = layoutText(item.text, Math.max(10, item.w - 2 * CARD.padding), fontSize, weight);
  return { lines: block.lines, fontSize, top, height: block.height };
}

/** The wrapped body text. Canvas text is drawn, never parsed, so no markup in it can run. */
export function BodyText({
  body,
  colour,
  weight = 'normal',
  width,
}: {
  body: BodyLayout;
  colour: string;
  weight?: string;
  width: number;
}) {
  return (
    <Text
      x={CARD.padding}
      y={body.top}
      width={width - 2 * CARD.padding}
      text={body.lines.join('\n')}
      fontSize={body.fontSize}
      fontFamily={FONT_FAMILY}
      fontStyle={weight}
      lineHeight={1.3}
      wrap="none"
      fill={colour}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}

/** A small upper-case caption (the kind, a status) at the top of a card. */
export function Caption({
  text,
  colour,
  x = CARD.padding,
  y = 10,
}: {
  text: string;
  colour: string;
  x?: number;
  y?: number;
}) {
  return (
    <Text
      x={x}
      y={y}
      text={stripBidiControls(text).toUpperCase()}
      fontSize={11}
      fontStyle="bold"
      letterSpacing={0.6}
      fontFamily={FONT_FAMILY}
      fill={colour}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}

/** A row of mechanism badges along the bottom of a card. */
export function MechanismBadges({ mechanisms, y }: { mechanisms: readonly Mechanism[]; y: number }) {
  return (
    <Group y={y} listening={false}>
      {mechanisms.map((mechanism, i) => {
        const badge = MECHANISM_BADGES[mechanism];
        return (
          <Group key={mechanism} x={CARD.padding + 9 + i * 22}>
            <Circle radius={9} fill={badge.colour} perfectDrawEnabled={false} />
            <Text
              x={-9}
              y={-6}
              width={18}
              align="center"
              text={badge.letter}
              fontSize={11}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill="#ffffff"
              perfectDrawEnabled={false}
            />
          </Group>
        );
      })}
    </Group>
  );
}

/** A plain rounded card background with a soft shadow (shadows only at full detail: they are costly). */
export function CardBackground({
  width,
  height,
  fill,
  stroke,
  detail,
  radius = CARD.radius,
  dash,
}: {
  width: number;
  height: number;
  fill: string;
  stroke: string;
  detail: Detail;
  radius?: number;
  dash?: number[];
}) {
  return (
    <Rect
      width={width}
      height={height}
      fill={fill}
      stroke={stroke}
      strokeWidth={1.5}
      cornerRadius={radius}
      dash={dash}
      shadowColor="#1d2b33"
      shadowOpacity={detail === 'full' ? 0.12 : 0}
      shadowBlur={detail === 'full' ? 8 : 0}
      shadowOffsetY={2}
      shadowForStrokeEnabled={false}
      perfectDrawEnabled={false}
    />
  );
}

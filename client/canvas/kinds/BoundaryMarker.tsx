/** Boundary marker: a thick dashed line in its type's colour, with its glyph and dimension at the middle. */
import { Circle, Group, Line, Text } from 'react-konva';
import { label } from '../../../shared/i18n';
import type { Boundary } from '../../../shared/kinds/boundary';
import { BOUNDARY_STYLE, FONT_FAMILY } from '../theme';
import type { KindProps } from './common';
import { stripBidiControls } from '../../../shared/bidi';

/** Draws a boundary marker relative to its start point. */
export function BoundaryMarker({ item, detail, language }: KindProps<Boundary>) {
  const style = BOUNDARY_STYLE[item.boundaryType];
  const midX = item.w / 2;
  const midY = item.h / 2;
  const caption = `${label(language, `boundaryType.${item.boundaryType}`)} · ${label(language, `dimension.${item.dimension}`)}`;
  return (
    <>
      {/* A wide invisible line makes a thin marker easy to grab, also with a finger. */}
      <Line points={[0, 0, item.w, item.h]} stroke="transparent" strokeWidth={24} hitStrokeWidth={24} />
      <Line
        points={[0, 0, item.w, item.h]}
        stroke={style.colour}
        strokeWidth={5}
        dash={style.dash}
        lineCap="round"
        listening={false}
      />
      {detail === 'full' && (
        <Group x={midX} y={midY} listening={false}>
          <Circle radius={13} fill="#ffffff" stroke={style.colour} strokeWidth={2} />
          <Text
            x={-13}
            y={-7}
            width={26}
            align="center"
            text={style.glyph}
            fontSize={13}
            fill={style.colour}
            fontFamily={FONT_FAMILY}
          />
          <Text
            x={18}
            y={-8}
            text={item.text ? `${caption} — ${stripBidiControls(item.text)}` : caption}
            fontSize={13}
            fontStyle="bold"
            fontFamily={FONT_FAMILY}
            fill={style.colour}
            shadowColor="#ffffff"
            shadowBlur={4}
            shadowOpacity={1}
          />
        </Group>
      )}
    </>
  );
}

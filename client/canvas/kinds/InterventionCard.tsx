/** Intervention: a card tagged DO (green) or DON'T (red, struck through), naming its mechanism. */
import { Group, Line, Rect, Text } from 'react-konva';
import { label } from '../../../shared/i18n';
import type { Intervention } from '../../../shared/kinds/intervention';
import { displayHeight, itemBody } from '../displayGeometry';
import { CARD, FONT_FAMILY, INK, MECHANISM_BADGES } from '../theme';
import { BodyText, Caption, CardBackground, type KindProps } from './common';

const DO = '#2e8b57';
const DONT = '#c0392b';

/** Draws an intervention. */
export function InterventionCard({ item, detail, language }: KindProps<Intervention>) {
  const height = displayHeight(item);
  const colour = item.advice === 'do' ? DO : DONT;
  const tag = label(language, `advice.${item.advice}`).toUpperCase();
  const tagWidth = tag.length * 8 + 14;
  return (
    <>
      <CardBackground
        width={item.w}
        height={height}
        fill="#fbfbf9"
        stroke={colour}
        detail={detail}
        dash={item.advice === 'dont' ? [8, 4] : undefined}
      />
      {detail === 'full' && (
        <>
          <Group x={item.w - CARD.padding - tagWidth} y={9} listening={false}>
            <Rect width={tagWidth} height={18} fill={colour} cornerRadius={9} />
            <Text
              width={tagWidth}
              y={3}
              align="center"
              text={tag}
              fontSize={11}
              fontStyle="bold"
              fill="#fff"
              fontFamily={FONT_FAMILY}
            />
          </Group>
          <Caption
            text={label(language, `mechanism.${item.mechanism}`)}
            colour={MECHANISM_BADGES[item.mechanism].colour}
          />
          <BodyText body={itemBody(item)} colour={INK} width={item.w} />
          {item.advice === 'dont' && (
            <Line
              points={[CARD.padding, height - 10, item.w - CARD.padding, height - 10]}
              stroke={DONT}
              strokeWidth={2}
              listening={false}
            />
          )}
        </>
      )}
    </>
  );
}

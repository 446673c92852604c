/** Ambition: a deep blue destination card with a target mark; the horizon in its caption. */
import { Circle, Group } from 'react-konva';
import { kindLabel } from '../../../shared/i18n';
import type { Ambition } from '../../../shared/kinds/ambition';
import { displayHeight, itemBody } from '../displayGeometry';
import { AMBITION, CARD } from '../theme';
import { BodyText, Caption, CardBackground, type KindProps } from './common';

/** Draws an ambition. */
export function AmbitionCard({ item, detail, language }: KindProps<Ambition>) {
  const height = displayHeight(item);
  const caption = item.horizon
    ? `${kindLabel(language, 'ambition')} · ${item.horizon}`
    : kindLabel(language, 'ambition');
  return (
    <>
      <CardBackground
        width={item.w}
        height={height}
        fill={AMBITION.fill}
        stroke={AMBITION.fill}
        detail={detail}
        radius={14}
      />
      {detail === 'full' && (
        <>
          <Group x={item.w - CARD.padding - 9} y={18} listening={false}>
            <Circle radius={9} stroke={AMBITION.accent} strokeWidth={2} />
            <Circle radius={4} fill={AMBITION.accent} />
          </Group>
          <Caption text={caption} colour={AMBITION.accent} y={14} />
          <BodyText body={itemBody(item)} colour={AMBITION.text} weight="bold" width={item.w} />
        </>
      )}
    </>
  );
}

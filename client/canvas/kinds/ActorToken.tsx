/** Actor: a pill with a person mark, outlined in the colour of its sphere. */
import { Circle, Group } from 'react-konva';
import { label } from '../../../shared/i18n';
import type { Actor } from '../../../shared/kinds/actor';
import { displayHeight, itemBody } from '../displayGeometry';
import { CARD, INK, SPHERE_COLOURS } from '../theme';
import { BodyText, Caption, CardBackground, type KindProps } from './common';

/** Draws an actor. */
export function ActorToken({ item, detail, language }: KindProps<Actor>) {
  const height = displayHeight(item);
  const colour = SPHERE_COLOURS[item.sphere];
  return (
    <>
      <CardBackground
        width={item.w}
        height={height}
        fill="#ffffff"
        stroke={colour}
        detail={detail}
        radius={Math.min(28, height / 2)}
      />
      {detail === 'full' && (
        <>
          <Group x={item.w - CARD.padding - 8} y={16} listening={false}>
            <Circle y={-3} radius={4} fill={colour} />
            <Circle y={7} radius={7} fill={colour} scaleY={0.6} />
          </Group>
          <Caption
            text={`${label(language, 'kind.actor')} · ${label(language, `sphere.${item.sphere}`)}`}
            colour={colour}
            x={CARD.padding + 4}
          />
          <BodyText body={itemBody(item)} colour={INK} weight="bold" width={item.w} />
        </>
      )}
    </>
  );
}

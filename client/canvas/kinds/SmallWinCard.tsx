/** Small win: a white card with a status bar and caption in the status colour, mechanisms as badges. */
import { Rect } from 'react-konva';
import { label } from '../../../shared/i18n';
import type { SmallWin } from '../../../shared/kinds/smallWin';
import { displayHeight, itemBody } from '../displayGeometry';
import { CARD, INK, STATUS_COLOURS } from '../theme';
import { BodyText, Caption, CardBackground, MechanismBadges, type KindProps } from './common';

/** Draws a small win. */
export function SmallWinCard({ item, detail, language }: KindProps<SmallWin>) {
  const height = displayHeight(item);
  const colour = STATUS_COLOURS[item.status];
  return (
    <>
      <CardBackground width={item.w} height={height} fill={CARD.fill} stroke={colour} detail={detail} />
      <Rect
        width={8}
        height={height}
        fill={colour}
        cornerRadius={[CARD.radius, 0, 0, CARD.radius]}
        listening={false}
      />
      {detail === 'full' && (
        <>
          <Caption
            text={`${label(language, 'kind.smallWin')} · ${label(language, `status.${item.status}`)}`}
            colour={colour}
          />
          <BodyText body={itemBody(item)} colour={INK} width={item.w} />
          <MechanismBadges mechanisms={item.mechanisms} y={height - 18} />
        </>
      )}
    </>
  );
}

/** A link: an arrow between the borders of its items, in its kind's colour, with its label. */
import { memo } from 'react';
import { Arrow, Circle, Group, Label, Tag, Text } from 'react-konva';
import { linkSegment } from '../../shared/geometry';
import { linkLabel } from '../../shared/i18n';
import type { BoardLink } from '../../shared/links/link';
import type { BoardItem } from '../../shared/schema';
import type { Language } from '../../shared/ydoc';
import { displayItem } from './displayGeometry';
import type { CrossingBadge } from './highlight';
import { FONT_FAMILY, LINK_STYLE, SELECTION } from './theme';

interface LinkArrowProps {
  link: BoardLink;
  from: BoardItem;
  to: BoardItem;
  selected: boolean;
  /** On a path through the selection (drawn bolder), or off it (drawn faint), or neither. */
  emphasis: 'on' | 'off' | 'none';
  /** Where this link crosses boundary markers. */
  badges: readonly CrossingBadge[] | undefined;
  /** Which captions fit at the current zoom (a level, not the zoom, so panning never re-renders links). */
  captions: CaptionLevel;
  language: Language;
  onSelect(id: string): void;
}

/** Which link captions to draw. */
export type CaptionLevel = 'none' | 'labels' | 'all';

/** Captions need room: the kind's phrase from 75 %, a label someone wrote from 50 %. */
export function captionLevel(zoom: number): CaptionLevel {
  return zoom >= 0.75 ? 'all' : zoom >= 0.5 ? 'labels' : 'none';
}

/** Draws one link; nothing when its items overlap. */
export const LinkArrow = memo(function LinkArrow({
  link,
  from,
  to,
  selected,
  emphasis,
  badges,
  captions,
  language,
  onSelect,
}: LinkArrowProps) {
  const segment = linkSegment(displayItem(from), displayItem(to));
  if (!segment) return null;
  const style = LINK_STYLE[link.kind];
  const caption = link.label
    ? `${linkLabel(language, link.kind)}: ${link.label}`
    : linkLabel(language, link.kind);
  const mid = { x: (segment.a.x + segment.b.x) / 2, y: (segment.a.y + segment.b.y) / 2 };
  return (
    <Group opacity={emphasis === 'off' ? 0.18 : 1}>
      <Arrow
        id={`link:${link.id}`}
        points={[segment.a.x, segment.a.y, segment.b.x, segment.b.y]}
        stroke={selected ? SELECTION : style.colour}
        fill={selected ? SELECTION : style.colour}
        strokeWidth={selected || emphasis === 'on' ? 4 : 2.5}
        dash={style.dash}
        pointerLength={12}
        pointerWidth={11}
        hitStrokeWidth={16}
        onPointerDown={(event) => {
          event.cancelBubble = true;
          onSelect(link.id);
        }}
        perfectDrawEnabled={false}
      />
      {badges?.map((badge) => (
        <Group key={badge.markerId} x={badge.point.x} y={badge.point.y} listening={false}>
          <Circle radius={9} fill="#ffffff" stroke={badge.colour} strokeWidth={3} />
          <Circle radius={4} fill={badge.colour} />
        </Group>
      ))}
      {(selected || captions === 'all' || (captions === 'labels' && link.label)) && (
        <Label x={mid.x} y={mid.y} listening={false}>
          <Tag fill="rgba(255,255,255,0.92)" cornerRadius={4} pointerDirection="none" />
          <Text
            text={caption}
            fontSize={11}
            padding={3}
            fontFamily={FONT_FAMILY}
            fill={style.colour}
            offsetX={0}
          />
        </Label>
      )}
    </Group>
  );
});

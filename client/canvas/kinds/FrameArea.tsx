/** Frame: a tinted area with its title on top: an island of agreement or a cluster of cards. */
import { Rect, Text } from 'react-konva';
import type { Frame } from '../../../shared/kinds/frame';
import { FONT_FAMILY, FRAME } from '../theme';
import type { KindProps } from './common';
import { stripBidiControls } from '../../../shared/bidi';

/** Draws a frame; its title is its text. */
export function FrameArea({ item, detail }: KindProps<Frame>) {
  return (
    <>
      <Rect
        width={item.w}
        height={item.h}
        fill={FRAME.fill}
        stroke={FRAME.border}
        strokeWidth={2}
        dash={[12, 6]}
        cornerRadius={18}
        perfectDrawEnabled={false}
      />
      <Text
        x={18}
        y={14}
        width={item.w - 36}
        height={detail === 'full' ? 50 : 30}
        text={stripBidiControls(item.text)}
        fontSize={detail === 'full' ? 18 : 28}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill={FRAME.title}
        ellipsis
        wrap="word"
        listening={false}
        perfectDrawEnabled={false}
      />
    </>
  );
}

/** Frame: a titled area, an island of agreement or a cluster; its `text` is its title. */
import { z } from 'zod';
import type { Primitive } from '../render/primitives';
import { reportWord } from '../render/reportStrings';
import { FRAME } from '../render/theme';
import { baseItemShape, type KindDefaults } from './base';
import { defineKind } from './define';

/** Zod schema of a frame in plain form. */
export const frameSchema = z.object({
  ...baseItemShape,
  kind: z.literal('frame'),
});

/** A frame as the read model holds it. */
export type Frame = z.infer<typeof frameSchema>;

/** Large enough to hold a handful of cards. */
export const frameDefaults: KindDefaults = { w: 600, h: 400 };

/** The frame kind: a tinted area under the cards, its title on top. */
export const frameKind = defineKind({
  kind: 'frame',
  schema: frameSchema,
  defaults: frameDefaults,
  traits: { shape: 'box', isBackground: true, editsTextInPlace: true, height: 'fixed', linkEnds: [] },
  text: {
    left: 18,
    top: 14,
    fontSize: 18,
    weight: 'bold',
    bottom: 0,
    lineHeight: 1,
    maxLines: 2,
    lowDetail: { fontSize: 28, maxLines: 1 },
    wrap: 'words',
  },
  report: {
    heading: 'section.frame',
    line(frame, { board, language, name }) {
      // Frames nested in a frame are areas, not its contents.
      const inside = board.items.filter((item) => item.kind !== 'frame' && centreInside(item, frame));
      return `${name(frame.id)} — ${reportWord(language, 'holds')} ${inside.length} ${reportWord(language, 'items')}`;
    },
  },
  draw(item, layout, { detail }) {
    const area: Primitive = {
      type: 'rect',
      x: 0,
      y: 0,
      w: item.w,
      h: item.h,
      radius: 18,
      fill: FRAME.fill,
      stroke: FRAME.border,
      strokeWidth: 2,
      dash: [12, 6],
    };
    // Zoomed far out the title is drawn larger, so people still find their areas.
    const title = detail === 'low' && layout.low ? layout.low : layout;
    return [
      area,
      {
        type: 'text',
        x: layout.left,
        y: layout.top,
        lines: title.lines,
        fontSize: title.fontSize,
        bold: true,
        colour: FRAME.title,
        lineHeight: layout.lineHeight,
      },
    ];
  },
});

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function centreInside(item: Box, frame: Box): boolean {
  const x = item.x + item.w / 2;
  const y = item.y + item.h / 2;
  return x >= frame.x && x <= frame.x + frame.w && y >= frame.y && y <= frame.y + frame.h;
}

/** Note: free text for questions, quotes and parking-lot items; part of no analysis. */
import { z } from 'zod';
import { CARD, INK, NOTE } from '../render/theme';
import { baseItemShape, type KindDefaults } from './base';
import { defineKind } from './define';
import { bodyText, cardShape } from './drawParts';

/** Zod schema of a note in plain form. */
export const noteSchema = z.object({
  ...baseItemShape,
  kind: z.literal('note'),
});

/** A note as the read model holds it. */
export type Note = z.infer<typeof noteSchema>;

/** Sticky-note size, the shape everyone already knows. */
export const noteDefaults: KindDefaults = { w: 200, h: 160 };

/** The note kind: a yellow sticky. */
export const noteKind = defineKind({
  kind: 'note',
  schema: noteSchema,
  defaults: noteDefaults,
  traits: { shape: 'box', isBackground: false, editsTextInPlace: true, height: 'grows', linkEnds: [] },
  text: {
    left: CARD.padding,
    top: 14,
    fontSize: 15,
    weight: 'normal',
    bottom: 14,
    lineHeight: 1.3,
    wrap: 'words',
  },
  report: { heading: 'section.note', line: (note, { name }) => name(note.id) },
  draw(item, layout, { detail }) {
    const shapes = [cardShape(item.w, layout.height, NOTE.fill, NOTE.border, 3)];
    return detail === 'low' ? shapes : [...shapes, bodyText(layout, INK)];
  },
});

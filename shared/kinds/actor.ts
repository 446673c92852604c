/** Actor: a person or organisation involved in small wins, placed to map who talks to whom. */
import { z } from 'zod';
import { label } from '../i18n';
import { CARD, INK, SPHERE_COLOURS } from '../render/theme';
import { baseItemShape, type KindDefaults } from './base';
import { defineKind } from './define';
import { bodyText, caption, cardShape } from './drawParts';

/** Sphere an actor belongs to (deck: publiek, privaat, maatschappelijk); boundary work reads it. */
export const ACTOR_SPHERES = ['public', 'private', 'societal'] as const;

/** One of the actor spheres. */
export type ActorSphere = (typeof ACTOR_SPHERES)[number];

/** Zod schema of an actor in plain form. */
export const actorSchema = z.object({
  ...baseItemShape,
  kind: z.literal('actor'),
  /** Crossing from public to private or societal is itself a boundary worth seeing. */
  sphere: z.enum(ACTOR_SPHERES).default('public'),
});

/** An actor as the read model holds it. */
export type Actor = z.infer<typeof actorSchema>;

/** Actors are small tokens: many of them share a board. */
export const actorDefaults: KindDefaults = { w: 180, h: 80 };

/** The actor kind: a pill with a person mark, outlined in the colour of its sphere. */
export const actorKind = defineKind({
  kind: 'actor',
  schema: actorSchema,
  defaults: actorDefaults,
  traits: { shape: 'box', isBackground: false, editsTextInPlace: true, height: 'grows', linkEnds: ['to'] },
  text: {
    left: CARD.padding,
    top: 30,
    fontSize: 14,
    weight: 'bold',
    bottom: 12,
    lineHeight: 1.3,
    wrap: 'words',
  },
  report: {
    heading: 'section.actor',
    line: (actor, { language, name }) => `${name(actor.id)} (${label(language, `sphere.${actor.sphere}`)})`,
  },
  draw(item, layout, { language, detail }) {
    const h = layout.height;
    const colour = SPHERE_COLOURS[item.sphere];
    const shapes = [cardShape(item.w, h, '#ffffff', colour, Math.min(28, h / 2))];
    if (detail === 'low') return shapes;
    const cx = item.w - CARD.padding - 8;
    return [
      ...shapes,
      { type: 'circle', x: cx, y: 13, r: 4, fill: colour },
      { type: 'ellipse', x: cx, y: 23, rx: 7, ry: 4.2, fill: colour },
      caption(
        `${label(language, 'kind.actor')} · ${label(language, `sphere.${item.sphere}`)}`,
        colour,
        CARD.padding + 4,
      ),
      bodyText(layout, INK),
    ];
  },
});

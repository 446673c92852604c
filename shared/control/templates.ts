/**
 * The workshop templates of DOMAIN.md, in Dutch and English. A template is a list of phases
 * (title, prompt shown to everyone, suggested minutes) and the board areas the group works in,
 * laid out as frames left to right in the order of the phases. The server writes them when it
 * creates a board from a template; the frames are listed in `lockedItems`, so participants fill
 * the areas without moving or renaming them.
 *
 *   const { phases, areas } = workshopTemplate('harvest', 'nl');
 */
import { MECHANISMS, type Mechanism } from '../mechanisms';
import { label } from '../i18n';
import type { Language } from '../ydoc';
import type { Phase, Template } from './fields';

/** A board area: a frame the template lays out, with a stable id per template. */
export interface TemplateArea {
  readonly id: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What a template puts on a new board. */
export interface WorkshopTemplate {
  readonly phases: readonly Phase[];
  readonly areas: readonly TemplateArea[];
}

type Text = Readonly<Record<Language, string>>;

interface PhaseText {
  readonly id: string;
  readonly minutes: number;
  readonly title: Text;
  readonly prompt: Text;
  /** The area's title; the phase's title when absent. */
  readonly area?: Text;
}

/** One-line descriptions for the front page's template picker. */
export const TEMPLATE_DESCRIPTIONS: Readonly<Record<Template, { title: Text; description: Text }>> = {
  blank: {
    title: { nl: 'Leeg bord', en: 'Blank board' },
    description: {
      nl: 'Geen fasen of vakken: begin met een lege tekentafel.',
      en: 'No phases or areas: start from an empty canvas.',
    },
  },
  harvest: {
    title: { nl: 'Small wins oogsten', en: 'Harvest small wins' },
    description: {
      nl: 'Ambitie, oogsten, waarderen, verbinden en zichtbaar maken (ca. 2,5 uur).',
      en: 'Ambition, harvest, value, link and make it tangible (about 2.5 hours).',
    },
  },
  propel: {
    title: { nl: 'Aanjagen en opstapelen', en: 'Propel and accumulate' },
    description: {
      nl: 'Kies small wins, één baan per aanjaagmechanisme, plan interventies en afspraken (ca. 2 uur).',
      en: 'Pick small wins, one lane per propelling mechanism, plan interventions and agreements (about 2 hours).',
    },
  },
  boundaries: {
    title: { nl: 'Grenzenwerk', en: 'Boundary work' },
    description: {
      nl: 'Actoren, grenzen markeren, eilanden van overeenstemming, een stap over de grens (ca. 2,5 uur).',
      en: 'Actors, mark boundaries, islands of agreement, one step across a boundary (about 2.5 hours).',
    },
  },
};

const HARVEST: readonly PhaseText[] = [
  {
    id: 'ambition',
    minutes: 25,
    title: { nl: 'Ambitie', en: 'Ambition' },
    prompt: {
      nl: 'Formuleer de ambitie. Prikkelt ze, en laat ze ruimte?',
      en: 'Formulate the ambition. Does it provoke, and does it leave room?',
    },
  },
  {
    id: 'harvest',
    minutes: 40,
    title: { nl: 'Oogsten', en: 'Harvest' },
    prompt: {
      nl: 'Welke concrete, afgeronde stap maakte echt verschil? Eén small win per kaart.',
      en: 'Which concrete, completed step made a real difference? One small win per card.',
    },
  },
  {
    id: 'value',
    minutes: 30,
    title: { nl: 'Waarderen', en: 'Value' },
    prompt: {
      nl: 'Is het klein, diep en tastbaar? Welke frictie is overwonnen?',
      en: 'Is it small, deep and tangible? Which friction did it overcome?',
    },
  },
  {
    id: 'link',
    minutes: 30,
    title: { nl: 'Verbinden', en: 'Link' },
    prompt: {
      nl: 'Hoe draagt elke win bij aan de ambitie? Verspreidt, verbreedt of verdiept ze?',
      en: 'How does each win contribute to the ambition? Does it spread, broaden or deepen?',
    },
  },
  {
    id: 'tangible',
    minutes: 25,
    title: { nl: 'Zichtbaar maken', en: 'Make it tangible' },
    prompt: {
      nl: 'Wie moet dit zien? Hoe maken we deze wins zichtbaar?',
      en: 'Who needs to see this? How do we make these wins visible?',
    },
  },
];

/** The question each mechanism's lane asks (DOMAIN.md). */
const LANE_QUESTIONS: Readonly<Record<Mechanism, Text>> = {
  energizing: { nl: 'Wie krijgt er energie van?', en: 'Who gets energy from it?' },
  experimenting: { nl: 'Wat na een tegenvallend resultaat?', en: 'What after a disappointing result?' },
  attraction: { nl: 'Wie sloot zich aan?', en: 'Who joined?' },
  bandwagon: { nl: 'Wie doet het na?', en: 'Who copies it?' },
  connecting: { nl: 'Op welke agenda kan het meeliften?', en: 'Which agenda can it ride on?' },
  robustness: { nl: 'Waar kan het landen in regulier beleid?', en: 'Where can it land in regular policy?' },
};

const PROPEL: readonly PhaseText[] = [
  {
    id: 'pick',
    minutes: 20,
    title: { nl: 'Kiezen', en: 'Pick' },
    prompt: {
      nl: 'Kies drie tot vijf small wins om aan te jagen.',
      en: 'Pick three to five small wins to propel.',
    },
    area: { nl: 'Gekozen small wins', en: 'Chosen small wins' },
  },
  {
    id: 'mechanisms',
    minutes: 40,
    title: { nl: 'Aanjaagmechanismen', en: 'Propelling mechanisms' },
    prompt: {
      nl: 'Loop de zes banen langs: beantwoord per mechanisme de vraag voor elke gekozen win.',
      en: 'Go through the six lanes: answer each mechanism’s question for every chosen win.',
    },
  },
  {
    id: 'interventions',
    minutes: 40,
    title: { nl: 'Interventies', en: 'Interventions' },
    prompt: {
      nl: 'Plan interventies per mechanisme. Let op de do’s en don’ts.',
      en: 'Plan interventions per mechanism. Mind the do’s and don’ts.',
    },
  },
  {
    id: 'agreements',
    minutes: 20,
    title: { nl: 'Afspraken', en: 'Agreements' },
    prompt: {
      nl: 'Wie is eigenaar, wat is de volgende stap, wanneer kijken we terug?',
      en: 'Who owns it, what is the next step, when do we review?',
    },
  },
];

const BOUNDARIES: readonly PhaseText[] = [
  {
    id: 'actors',
    minutes: 30,
    title: { nl: 'Actoren', en: 'Actors' },
    prompt: {
      nl: 'Wie zijn erbij betrokken, en wie praat met wie?',
      en: 'Who is involved, and who talks to whom?',
    },
  },
  {
    id: 'mark',
    minutes: 35,
    title: { nl: 'Grenzen markeren', en: 'Mark boundaries' },
    prompt: {
      nl: 'Markeer fysieke, cognitieve en sociale grenzen tussen hen.',
      en: 'Mark the physical, cognitive and social boundaries between them.',
    },
  },
  {
    id: 'islands',
    minutes: 30,
    title: { nl: 'Eilanden van overeenstemming', en: 'Islands of agreement' },
    prompt: {
      nl: 'Waar zijn we het, over de grenzen heen, al over eens?',
      en: 'Where do we already agree, across the boundaries?',
    },
  },
  {
    id: 'step',
    minutes: 35,
    title: { nl: 'Een stap over de grens', en: 'A step across' },
    prompt: {
      nl: 'Ontwerp één kleine stap die een grens overschrijdt.',
      en: 'Design one small step that crosses a boundary.',
    },
  },
  {
    id: 'reflex',
    minutes: 20,
    title: { nl: 'Reflexcheck', en: 'Reflex check' },
    prompt: {
      nl: 'Overschatten we, raken we verlamd, of ontkennen we?',
      en: 'Are we overestimating, paralysed, or in denial?',
    },
  },
];

/** Size of one area and the gap between areas, in board units. */
const AREA = { w: 900, h: 700, gap: 120 } as const;
/** Size of one mechanism lane (propel): six stacked lanes as tall as one area. */
const LANE = { w: 1400, h: 260, gap: 40 } as const;

/** The phases and areas of a template in a language; `blank` has none. */
export function workshopTemplate(template: Template, language: Language): WorkshopTemplate {
  const texts =
    template === 'harvest'
      ? HARVEST
      : template === 'propel'
        ? PROPEL
        : template === 'boundaries'
          ? BOUNDARIES
          : [];
  const phases = texts.map((p) => ({
    id: p.id,
    title: p.title[language],
    prompt: p.prompt[language],
    minutes: p.minutes,
  }));
  const areas: TemplateArea[] = [];
  let x = 0;
  for (const phase of texts) {
    if (template === 'propel' && phase.id === 'mechanisms') {
      MECHANISMS.forEach((mechanism, i) => {
        const name = label(language, `mechanism.${mechanism}`);
        areas.push({
          id: `area-lane-${mechanism}`,
          text: `${name}: ${LANE_QUESTIONS[mechanism][language]}`,
          x,
          y: i * (LANE.h + LANE.gap),
          w: LANE.w,
          h: LANE.h,
        });
      });
      x += LANE.w + AREA.gap;
      continue;
    }
    areas.push({
      id: `area-${phase.id}`,
      text: (phase.area ?? phase.title)[language],
      x,
      y: 0,
      w: AREA.w,
      h: AREA.h,
    });
    x += AREA.w + AREA.gap;
  }
  return { phases, areas };
}

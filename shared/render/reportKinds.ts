/**
 * The report's sections for the kinds that have no analysis of their own: actors (with their
 * sphere), interventions (mechanism, do or don't, and the wins they propel), notes, and frames
 * (with how many items lie inside each), so a report leaves nothing on the board out.
 */
import { label } from '../i18n';
import type { BoardReadModel } from '../readBoard';
import type { BoardItem } from '../schema';
import type { Language } from '../ydoc';
import { reportWord } from './reportStrings';

/** A heading and its list. */
export interface KindSection {
  readonly heading: string;
  readonly items: readonly string[];
}

/** The sections of actors, interventions, notes and frames; kinds absent from the board are left out. */
export function otherKindSections(
  board: BoardReadModel,
  language: Language,
  name: (id: string) => string,
): KindSection[] {
  const w = (key: Parameters<typeof reportWord>[1]) => reportWord(language, key);
  const of = <K extends BoardItem['kind']>(kind: K) =>
    board.items.filter((item): item is Extract<BoardItem, { kind: K }> => item.kind === kind);
  const propelled = new Map<string, string[]>();
  for (const link of board.links) {
    if (link.kind !== 'propels') continue;
    propelled.set(link.from, [...(propelled.get(link.from) ?? []), name(link.to)]);
  }
  const sections: KindSection[] = [
    {
      heading: w('actors'),
      items: of('actor').map((a) => `${name(a.id)} (${label(language, `sphere.${a.sphere}`)})`),
    },
    {
      heading: w('interventions'),
      items: of('intervention').map((i) => {
        const wins = propelled.get(i.id) ?? [];
        const parts = [
          name(i.id),
          label(language, `mechanism.${i.mechanism}`),
          label(language, `advice.${i.advice}`),
        ];
        if (wins.length > 0) parts.push(`${w('propels')}: ${wins.join('; ')}`);
        return parts.join(' — ');
      }),
    },
    { heading: w('notes'), items: of('note').map((n) => name(n.id)) },
    {
      heading: w('frames'),
      items: of('frame').map((f) => {
        const inside = board.items.filter(
          (item) => item !== f && item.kind !== 'frame' && centreInside(item, f),
        );
        return `${name(f.id)} — ${w('holds')} ${inside.length} ${w('items')}`;
      }),
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}

/** Board text on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function centreInside(item: BoardItem, frame: BoardItem): boolean {
  const x = item.x + item.w / 2;
  const y = item.y + item.h / 2;
  return x >= frame.x && x <= frame.x + frame.w && y >= frame.y && y <= frame.y + frame.h;
}

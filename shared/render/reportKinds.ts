/**
 * The report's sections of the kinds that have no analysis of their own (boundary markers,
 * actors, interventions, notes, frames), one per kind whose definition has a report section,
 * in toolbar order, so a report leaves nothing on the board out and a new kind gets its own.
 */
import { label } from '../i18n';
import { ITEM_KINDS } from '../itemKinds';
import { oneLine } from '../kinds/drawParts';
import { kindDefinition } from '../kinds/registry';
import type { BoardReadModel } from '../readBoard';
import type { Language } from '../ydoc';

export { oneLine };

/** A heading and its list. */
export interface KindSection {
  readonly heading: string;
  readonly items: readonly string[];
}

/** The sections of the kinds with a report section; kinds absent from the board are left out. */
export function otherKindSections(
  board: BoardReadModel,
  language: Language,
  name: (id: string) => string,
): KindSection[] {
  const context = { board, language, name };
  const sections: KindSection[] = [];
  for (const kind of ITEM_KINDS) {
    const report = kindDefinition(kind).report;
    if (!report) continue;
    const items = board.items.filter((item) => item.kind === kind).map((item) => report.line(item, context));
    if (items.length > 0) sections.push({ heading: label(language, report.heading), items });
  }
  return sections;
}

/**
 * Domain labels in English and Dutch, shared by the canvas, panels, reports and exports.
 *
 *   label('nl', 'kind.smallWin');     // "Small win"
 *   kindLabel('en', 'boundary');     // "Boundary marker"
 */
import type { ItemKind } from '../itemKinds';
import type { LinkKind } from '../links/registry';
import type { Language } from '../ydoc';
import { en, type LabelKey } from './en';
import { nl } from './nl';

export type { LabelKey } from './en';

const tables: Record<Language, Record<LabelKey, string>> = { en, nl };

/** The label of a key in a language. */
export function label(language: Language, key: LabelKey): string {
  return tables[language][key];
}

/** The name of an item kind, as toolbar buttons and the outline show it. */
export function kindLabel(language: Language, kind: ItemKind): string {
  return label(language, `kind.${kind}`);
}

/** The phrase of a link kind ("contributes to"), as arrows and reports show it. */
export function linkLabel(language: Language, kind: LinkKind): string {
  return label(language, `link.${kind}`);
}

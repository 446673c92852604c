/**
 * Copy and paste of a selection: its items and the links among them, as JSON, so it also
 * travels through the system clipboard between boards. Pasted entries get new ids.
 */
import { uuidv4 } from 'lib0/random';
import type { BoardLink } from '../../shared/links/link';
import { parseItem, parseLink, type BoardItem } from '../../shared/schema';

/** The clipboard payload. */
export interface ClipboardContent {
  format: 'olievlek-selection';
  items: BoardItem[];
  links: BoardLink[];
}

/** Serialises items and the links wholly inside them. */
export function copyToClipboard(items: readonly BoardItem[], links: readonly BoardLink[]): string {
  const ids = new Set(items.map((item) => item.id));
  const content: ClipboardContent = {
    format: 'olievlek-selection',
    items: items.map((item) => ({ ...item })),
    links: links.filter((link) => ids.has(link.from) && ids.has(link.to)).map((link) => ({ ...link })),
  };
  return JSON.stringify(content);
}

/** Parses pasted text into fresh items and links offset by (dx, dy); null when it is not ours. */
export function pasteFromClipboard(
  text: string,
  dx: number,
  dy: number,
): { items: BoardItem[]; links: BoardLink[] } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const content = value as Partial<ClipboardContent> | null;
  if (!content || content.format !== 'olievlek-selection' || !Array.isArray(content.items)) return null;
  const newIds = new Map<string, string>();
  const items: BoardItem[] = [];
  for (const raw of content.items.slice(0, 2000)) {
    const parsed = parseItem(raw);
    if (!parsed.ok) continue;
    const id = uuidv4();
    newIds.set(parsed.value.id, id);
    items.push({ ...parsed.value, id, x: parsed.value.x + dx, y: parsed.value.y + dy });
  }
  const links: BoardLink[] = [];
  for (const raw of Array.isArray(content.links) ? content.links.slice(0, 4000) : []) {
    const parsed = parseLink(raw);
    if (!parsed.ok) continue;
    const from = newIds.get(parsed.value.from);
    const to = newIds.get(parsed.value.to);
    if (from && to) links.push({ ...parsed.value, id: uuidv4(), from, to });
  }
  return { items, links };
}

/**
 * One import as an export worker runs it: the uploaded bytes in, the new board's first
 * document state out (or the reason it is refused). Parsing megabytes of JSON and writing
 * thousands of items into a Y.Doc takes seconds of CPU, so it happens here, off the event loop.
 *
 *   const result = loadImport({ body, maxItems: 10_000, maxLinks: 20_000 });
 */
import * as Y from 'yjs';
import { BoardJsonError, loadBoardJson } from '../../shared/boardJson';
import type { Problem } from '../../shared/readBoard';
import { getMeta, type Language } from '../../shared/ydoc';

/** An import job. */
export interface ImportTask {
  /** The request body as received (UTF-8 JSON). */
  readonly body: Uint8Array;
  readonly maxItems: number;
  readonly maxLinks: number;
}

/** A loaded board, or why it is refused (an HTTP status, code and message). */
export type ImportResult =
  | {
      readonly ok: true;
      readonly state: Uint8Array;
      readonly title: string;
      readonly language: Language;
      readonly problems: readonly Problem[];
      readonly problemCount: number;
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly details?: unknown;
    };

/** Parses, checks and loads an uploaded board. */
export function loadImport(task: ImportTask): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(
      Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength).toString('utf8'),
    );
  } catch {
    return { ok: false, status: 400, code: 'invalid_json', message: 'the body is not valid JSON' };
  }
  const tooMany = countProblem(value, task);
  if (tooMany) return tooMany;
  const doc = new Y.Doc();
  try {
    let problems: readonly Problem[];
    try {
      ({ problems } = loadBoardJson(doc, value));
    } catch (error) {
      if (!(error instanceof BoardJsonError)) throw error;
      return {
        ok: false,
        status: 400,
        code: 'invalid_board',
        message: `${error.message}: expected a JSON export of an Olievlek board`,
      };
    }
    const meta = getMeta(doc);
    const language = meta.get('language') as Language;
    let title = String(meta.get('title') ?? '').trim();
    if (!title) {
      title = language === 'en' ? 'Imported board' : 'Geïmporteerd bord';
      meta.set('title', title);
    }
    return {
      ok: true,
      state: Y.encodeStateAsUpdate(doc),
      title,
      language,
      problems: problems.slice(0, 100),
      problemCount: problems.length,
    };
  } finally {
    doc.destroy();
  }
}

/** A 413 for a board with more items, links or votes than an import may hold. */
function countProblem(value: unknown, limits: ImportTask): ImportResult | null {
  if (!value || typeof value !== 'object') return null;
  const { items, links, votes } = value as { items?: unknown; links?: unknown; votes?: unknown };
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const checks = [
    ['items', count(items), limits.maxItems, 'MAX_IMPORT_ITEMS'],
    ['links', count(links), limits.maxLinks, 'MAX_IMPORT_LINKS'],
    [
      'votes',
      votes && typeof votes === 'object' ? Object.keys(votes).length : 0,
      limits.maxLinks,
      'MAX_IMPORT_LINKS',
    ],
  ] as const;
  for (const [what, n, max, setting] of checks) {
    if (n > max)
      return {
        ok: false,
        status: 413,
        code: `too_many_${what}`,
        message: `the board holds ${n} ${what}; an import may hold at most ${max} (${setting})`,
        details: { [what]: n, max },
      };
  }
  return null;
}

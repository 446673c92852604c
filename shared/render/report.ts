/**
 * The narrative report of a board, in the board's language unless the exporter picks one:
 * ambitions, every path with the boundaries it crosses, small wins by status with their
 * mechanisms, the vote ranking (when there was a vote), every other kind on the board
 * (reportKinds.ts), and orphans and warnings (from analyseBoard). One structure, written as
 * Markdown here and typeset into the PDF on the server, so both say the same.
 *
 *   const report = boardReport(board, { exportedAt: new Date(), language: 'en' });
 *   const md = reportMarkdown(report);
 */
import { analyseBoard, type BoardAnalysis } from '../analysis';
import { stripBidiControls } from '../bidi';
import { kindLabel, label, linkLabel } from '../i18n';
import { SMALL_WIN_STATUSES } from '../kinds/smallWin';
import { itemsById, type BoardReadModel } from '../readBoard';
import type { BoardItem } from '../schema';
import type { Language } from '../ydoc';
import { oneLine, otherKindSections } from './reportKinds';
import { reportWord, type ReportKey } from './reportStrings';

/** One block of the report. Text is plain: writers escape it for their format. */
export type ReportBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] };

/** A report: its title and blocks. */
export interface BoardReport {
  readonly title: string;
  readonly language: Language;
  readonly blocks: readonly ReportBlock[];
}

/** Paths listed in a report at most; the analysis says when there are more. */
const MAX_REPORT_PATHS = 1000;

/** Builds the report of a board. */
export function boardReport(
  board: BoardReadModel,
  options: { exportedAt?: Date; analysis?: BoardAnalysis; language?: Language } = {},
): BoardReport {
  const language = options.language ?? board.meta.language;
  const w = (key: ReportKey) => reportWord(language, key);
  const analysis = options.analysis ?? analyseBoard(board, { maxPaths: MAX_REPORT_PATHS });
  const byId = itemsById(board);
  const name = (id: string) => itemText(byId.get(id), language);
  const blocks: ReportBlock[] = [];
  const heading = (text: string, level: 1 | 2 | 3 = 2) => blocks.push({ kind: 'heading', level, text });
  const list = (items: readonly string[], ordered = false) =>
    items.length > 0 && blocks.push({ kind: 'list', ordered, items });
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });

  const title = board.meta.title || 'Olievlek';
  heading(title, 1);
  const date = (options.exportedAt ?? new Date()).toISOString().slice(0, 10);
  paragraph(
    `${w('exported')} ${date} · ${board.items.length} ${w('items')} · ${board.links.length} ${w('links')}`,
  );

  // Ambitions, with what feeds them and which mechanisms are missing.
  heading(w('ambitions'));
  const ambitions = board.items.filter((item) => item.kind === 'ambition');
  const coverage = new Map(analysis.coverage.map((row) => [row.ambitionId, row]));
  const keystones = new Map(analysis.keystones.map((row) => [row.ambitionId, row.winIds]));
  if (ambitions.length === 0) paragraph(w('noAmbitions'));
  list(
    ambitions.map((ambition) => {
      const row = coverage.get(ambition.id);
      const parts = [name(ambition.id)];
      if (ambition.kind === 'ambition' && ambition.horizon) parts.push(`${w('horizon')} ${ambition.horizon}`);
      parts.push(`${w('fedBy')} ${row?.winIds.length ?? 0} ${w('wins')}`);
      const keys = keystones.get(ambition.id) ?? [];
      if (keys.length > 0) parts.push(`${w('keystones')}: ${keys.map(name).join('; ')}`);
      if (row && row.winIds.length > 0 && row.missing.length > 0)
        parts.push(
          `${w('missingMechanisms')}: ${row.missing.map((m) => label(language, `mechanism.${m}`)).join(', ')}`,
        );
      return parts.join(' — ');
    }),
  );

  // Every listed path, grouped by ambition, with the boundaries it crosses.
  heading(w('paths'));
  if (analysis.paths.length === 0) paragraph(w('noPaths'));
  const links = new Map(board.links.map((link) => [link.id, link]));
  for (const ambition of ambitions) {
    const paths = analysis.paths.filter((path) => path.ambitionId === ambition.id);
    if (paths.length === 0) continue;
    heading(`${w('toward')}: ${name(ambition.id)}`, 3);
    list(
      paths.map((path) => {
        const steps = path.winIds.map((win, i) => {
          const link = links.get(path.linkIds[i] ?? '');
          return `${name(win)} —${link ? linkLabel(language, link.kind) : ''}→`;
        });
        const route = `${steps.join(' ')} ${name(ambition.id)}`;
        const crossing = path.boundaries.crossesNone
          ? `⚠ ${w('crossesNone')}`
          : `${w('crosses')}: ${path.boundaries.markers
              .map((marker) => {
                const item = byId.get(marker.markerId);
                const kind = `${label(language, `boundaryType.${marker.boundaryType}`)}, ${label(language, `dimension.${marker.dimension}`)}`;
                return item?.text ? `${oneLine(item.text)} (${kind})` : kind;
              })
              .join('; ')}`;
        return `${route} — ${crossing}`;
      }),
      true,
    );
  }
  if (analysis.pathsTruncated) paragraph(`${w('pathsTruncated')} (${analysis.paths.length}+).`);

  // Small wins by status, with their mechanisms and dots.
  heading(w('winsByStatus'));
  const wins = board.items.filter((item) => item.kind === 'smallWin');
  if (wins.length === 0) paragraph(w('noWins'));
  const dots = dotsByItem(board);
  for (const status of SMALL_WIN_STATUSES) {
    const inStatus = wins.filter((win) => win.kind === 'smallWin' && win.status === status);
    if (inStatus.length === 0) continue;
    heading(`${capitalise(label(language, `status.${status}`))} (${inStatus.length})`, 3);
    list(
      inStatus.map((win) => {
        const mechanisms =
          win.kind === 'smallWin' && win.mechanisms.length > 0
            ? win.mechanisms.map((m) => label(language, `mechanism.${m}`)).join(', ')
            : w('none');
        const votes = dots.get(win.id);
        return `${name(win.id)} — ${w('mechanisms')}: ${mechanisms}${votes ? ` — ${dotCount(votes, language)}` : ''}`;
      }),
    );
  }

  // Votes, most dots first; only a board that had a (revealed) vote has a ranking.
  const ranking = [...dots.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranking.length > 0) heading(w('votes'));
  list(
    ranking.map(([id, count]) => {
      const item = byId.get(id);
      return `${name(id)} (${item ? kindLabel(language, item.kind) : ''}) — ${dotCount(count, language)}`;
    }),
    true,
  );

  for (const section of otherKindSections(board, language, name)) {
    heading(section.heading);
    list(section.items);
  }

  heading(w('warnings'));
  const warnings: string[] = [];
  const { orphanWinIds, unfedAmbitionIds } = analysis.orphans;
  if (orphanWinIds.length > 0) warnings.push(`${w('orphanWins')}: ${orphanWinIds.map(name).join('; ')}`);
  if (unfedAmbitionIds.length > 0)
    warnings.push(`${w('unfedAmbitions')}: ${unfedAmbitionIds.map(name).join('; ')}`);
  if (analysis.eternalPilotIds.length > 0)
    warnings.push(`${w('eternalPilots')}: ${analysis.eternalPilotIds.map(name).join('; ')}`);
  for (const row of analysis.coverage) {
    if (row.eternalPilotWarning) warnings.push(`${name(row.ambitionId)}: ${w('eternalPilotWarning')}`);
    if (row.counterproductiveInterventionIds.length > 0)
      warnings.push(
        `${name(row.ambitionId)}: ${w('counterproductive')}: ${row.counterproductiveInterventionIds.map(name).join('; ')}`,
      );
  }
  if (board.problems.length > 0)
    warnings.push(
      `${w('skipped')}: ${board.problems
        .slice(0, 50)
        .map((p) => `${p.kind} ${p.id} (${p.reason})`)
        .join('; ')}`,
    );
  if (warnings.length === 0) paragraph(w('noWarnings'));
  list(warnings);
  // Every writer (Markdown, PDF) gets text that cannot be drawn reversed.
  const clean = stripBidiControls;
  return {
    title: clean(title),
    language,
    blocks: blocks.map((block) =>
      block.kind === 'list'
        ? { ...block, items: block.items.map(clean) }
        : { ...block, text: clean(block.text) },
    ),
  };
}

/** The report as Markdown; every piece of board text is escaped so it cannot add markup. */
export function reportMarkdown(report: BoardReport): string {
  const out: string[] = [];
  for (const block of report.blocks) {
    if (block.kind === 'heading') out.push(`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`, '');
    else if (block.kind === 'paragraph') out.push(escapeMarkdown(block.text), '');
    else {
      block.items.forEach((item, i) =>
        out.push(`${block.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`),
      );
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Board text made inert in Markdown: emphasis, code, links, HTML, tables and entities are
 * backslash-escaped, and a line start that would open a heading, list or quote too; line
 * breaks become spaces. Ordinary punctuation stays readable.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=[#A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#>+-]|\d+[.)])/, '\\$1');
}

function itemText(item: BoardItem | undefined, language: Language): string {
  const text = item ? oneLine(item.text) : '';
  return text || reportWord(language, 'noText');
}

function dotCount(count: number, language: Language): string {
  return `${count} ${reportWord(language, count === 1 ? 'dot' : 'dots')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dotsByItem(board: BoardReadModel): Map<string, number> {
  const dots = new Map<string, number>();
  for (const vote of board.votes) dots.set(vote.itemId, (dots.get(vote.itemId) ?? 0) + vote.dots);
  return dots;
}

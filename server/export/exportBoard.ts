/**
 * Every export format of a board from its read model: `json` (format v1, re-importable), `md`
 * (the report), `svg`, `png` (2×) and `pdf` (board page and report), each with its content type
 * and a safe file name `<title>-<date>.<ext>`. Used by the HTTP API and the CLI.
 *
 *   const file = await exportBoard(board, 'png', { now: new Date() });
 *   res.end(file.body);
 */
import { toBoardJson } from '../../shared/boardJson';
import type { BoardReadModel } from '../../shared/readBoard';
import type { Language } from '../../shared/ydoc';
import { exportFileName } from '../../shared/render/fileName';
import { boardReport, reportMarkdown } from '../../shared/render/report';
import { boardViewBox, renderBoardSvg } from '../../shared/render/svg';
import { boardPdf, PDF_VECTOR_MAX_ITEMS } from './pdf';
import { boardPng } from './png';

/** The formats, as `?format=` names them. */
export const EXPORT_FORMATS = ['json', 'md', 'svg', 'png', 'pdf'] as const;

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when the value names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** An exported file. */
export interface ExportedFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly fileName: string;
  /** Set when the board could not be read and its newest readable snapshot was exported instead. */
  readonly fallback?: { readonly snapshotId: string; readonly problem: string };
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The Content-Type of a format's file. */
export function contentTypeOf(format: ExportFormat): string {
  return CONTENT_TYPES[format];
}

/**
 * Exports a board; `suffix` goes into the file name (a snapshot's label), `language` picks the
 * report's language (the board's by default).
 */
export async function exportBoard(
  board: BoardReadModel,
  format: ExportFormat,
  options: { now?: Date; suffix?: string; language?: Language } = {},
): Promise<ExportedFile> {
  const language = options.language;
  const now = options.now ?? new Date();
  const fileName = exportFileName(board.meta.title, now, format, options.suffix);
  const file = (body: Buffer) => ({ body, contentType: CONTENT_TYPES[format], fileName });
  switch (format) {
    case 'json':
      return file(Buffer.from(`${JSON.stringify(toBoardJson(board), null, 2)}\n`, 'utf8'));
    case 'md':
      return file(Buffer.from(reportMarkdown(boardReport(board, { exportedAt: now, language })), 'utf8'));
    case 'svg':
      return file(
        Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${renderBoardSvg(board).svg}\n`, 'utf8'),
      );
    case 'png':
      return file(boardPng(board, 2).png);
    case 'pdf': {
      const report = boardReport(board, { exportedAt: now, language });
      if (board.items.length > PDF_VECTOR_MAX_ITEMS) {
        const area = boardViewBox(board);
        return file(
          await boardPdf({ png: boardPng(board, 1, false).png, width: area.w, height: area.h }, report, now),
        );
      }
      const rendered = renderBoardSvg(board);
      return file(await boardPdf(rendered, report, now));
    }
  }
}

/** A Content-Disposition header for a download, with an ASCII name and the UTF-8 form. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

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
import { contentTypeOf, type ExportedFile, type ExportFormat } from './formats';

export { EXPORT_FORMATS, contentDisposition, contentTypeOf, isExportFormat } from './formats';
export type { ExportedFile, ExportFormat } from './formats';

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
  const file = (body: Buffer) => ({ body, contentType: contentTypeOf(format), fileName });
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

/**
 * The export formats' names, content types and download headers: what the HTTP side needs
 * without the renderers (PDF, PNG and their fonts), which load only where exports are made
 * (the export workers, the CLI). Importing them at start-up cost the server tens of MB of RSS.
 */

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

/** A Content-Disposition header for a download, with an ASCII name and the UTF-8 form. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The PDF export: the board as vector graphics on its first page (the same SVG as every other
 * export, drawn into the PDF by svg-to-pdfkit, text as real text), then the report on A4 pages.
 * Fonts are the bundled DejaVu Sans, embedded, so every character a board holds prints.
 *
 * svg-to-pdfkit needs about 0.2 MB of heap and 1 ms per item, so a board of more than
 * PDF_VECTOR_MAX_ITEMS gets its first page as a picture instead, without text (shaping that
 * many lines costs seconds; the report holds every text); a 20,000-item board then prints in seconds within the worker's
 * memory budget instead of running out of it.
 */
import PDFDocument from 'pdfkit';
import type { BoardReport } from '../../shared/render/report';
import { INK, MUTED } from '../../shared/render/theme';
import { createRequire } from 'node:module';
import { EXPORT_FONTS } from './fonts';

/** svg-to-pdfkit 0.1 ships no types: this is the part of its API used here. */
type SvgToPdf = (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options: {
    width: number;
    height: number;
    /** SVG units are points, not CSS pixels. */
    assumePt: boolean;
    fontCallback: (family: string, bold: boolean) => string;
  },
) => void;

const SVGtoPDF = createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdf;

/** PDF pages may be at most 200 inches (14,400 pt) on a side; bigger boards are scaled to fit. */
const MAX_PAGE = 14_400;

/** Largest board drawn as vectors; bigger ones are drawn from the PNG picture. */
export const PDF_VECTOR_MAX_ITEMS = 1_500;

/** The board page: SVG markup, or a PNG picture, of a board `width` × `height` units large. */
export type BoardPage =
  | { readonly svg: string; readonly width: number; readonly height: number }
  | { readonly png: Buffer; readonly width: number; readonly height: number };

/** The board page and the report, as one PDF. */
export async function boardPdf(page: BoardPage, report: BoardReport, createdAt: Date): Promise<Buffer> {
  const { width, height } = page;
  const scale = Math.min(1, MAX_PAGE / Math.max(width, height, 1));
  const doc = new PDFDocument({
    size: [Math.max(72, width * scale), Math.max(72, height * scale)],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    info: { Title: report.title, Creator: 'Olievlek', CreationDate: createdAt },
    lang: report.language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('DejaVu', EXPORT_FONTS.regular);
  doc.registerFont('DejaVu-Bold', EXPORT_FONTS.bold);
  if ('svg' in page)
    SVGtoPDF(doc, page.svg, 0, 0, {
      width: width * scale,
      height: height * scale,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? 'DejaVu-Bold' : 'DejaVu'),
    });
  else doc.image(page.png, 0, 0, { width: width * scale, height: height * scale });
  writeReport(doc, report);
  doc.end();
  return done;
}

/** The report typeset on A4 pages. */
function writeReport(doc: PDFKit.PDFDocument, report: BoardReport): void {
  doc.addPage({ size: 'A4', margin: 56 });
  const width = doc.page.width - 112;
  for (const block of report.blocks) {
    if (block.kind === 'heading') {
      const size = block.level === 1 ? 20 : block.level === 2 ? 15 : 12;
      doc.moveDown(block.level === 1 ? 0 : 0.6);
      doc
        .font('DejaVu-Bold')
        .fontSize(size)
        .fillColor(block.level === 3 ? MUTED : INK);
      doc.text(block.text, { width });
      doc.moveDown(0.3);
    } else if (block.kind === 'paragraph') {
      doc.font('DejaVu').fontSize(10).fillColor(INK).text(block.text, { width });
      doc.moveDown(0.4);
    } else {
      doc.font('DejaVu').fontSize(10).fillColor(INK);
      block.items.forEach((item, i) => {
        const marker = block.ordered ? `${i + 1}.` : '•';
        const y = doc.y;
        doc.text(marker, 56, y, { width: 22 });
        doc.text(item, 80, y, { width: width - 24 });
        doc.moveDown(0.25);
      });
      doc.x = 56;
      doc.moveDown(0.3);
    }
  }
}

// The report as an A4 PDF: Noto Sans CJK SC embedded (pdfkit subsets it, with a ToUnicode map so the text
// can be searched and extracted), the blocks of report-content in order, maps scaled to the text width.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ComplianceRun } from '../runs/read-run';
import { REPORT_TITLE, reportContent, type ReportBlock, type ReportOptions } from './report-content';
import { CJK_FONT_FACE, CJK_FONT_FILE, mapFor, type ReportMaps } from './report-maps';

const MARGIN = 56;
const VERDICT_COLOURS: Record<string, string> = { 通过: '#1b7f3b', 有条件通过: '#c26a00', 不通过: '#c0262d' };

/**
 * The CJK face as pdfkit's font engine parsed it for the first report, handed to every later one (pdfkit
 * takes a parsed font in place of a file): the 20 MB collection is read and its tables decoded once, and
 * each document still embeds a subset of only the glyphs it uses.
 */
let parsedFont: unknown;

function useCjkFont(doc: PDFKit.PDFDocument): void {
  doc.registerFont('cjk', (parsedFont ?? readFileSync(CJK_FONT_FILE)) as Buffer, CJK_FONT_FACE);
  doc.font('cjk');
  parsedFont ??= (doc as unknown as { _font: { font: unknown } })._font.font;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawBlock(doc: PDFKit.PDFDocument, block: ReportBlock, maps: ReportMaps, verdict: string): void {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'title':
      doc.fontSize(20).fillColor('#000').text(block.text, { align: 'center' }).moveDown(0.8);
      return;
    case 'heading':
      ensureRoom(doc, 60);
      doc.moveDown(0.6).fontSize(13).fillColor('#1f3a60').text(block.text).moveDown(0.3);
      return;
    case 'paragraph':
      if (block.emphasis === 'verdict') {
        doc
          .moveDown(0.3)
          .fontSize(15)
          .fillColor(VERDICT_COLOURS[verdict] ?? '#000')
          .text(block.text);
      } else {
        doc
          .fontSize(block.emphasis === 'note' ? 9 : 10.5)
          .fillColor(block.emphasis === 'note' ? '#444' : '#000');
        doc.text(block.text);
      }
      doc.moveDown(0.3);
      return;
    case 'fields':
      doc.fontSize(10.5).fillColor('#000');
      for (const [label, value] of block.rows) {
        ensureRoom(doc, 16);
        doc.fillColor('#555').text(`${label}：`, { continued: true }).fillColor('#000').text(value);
      }
      return;
    case 'map': {
      const png = mapFor(maps, block.map);
      if (!png) return;
      const drawWidth = 'site' in block.map ? width : width * 0.7;
      // a PNG's IHDR gives its size at bytes 16 (width) and 20 (height)
      const drawHeight = (png.readUInt32BE(20) / png.readUInt32BE(16)) * drawWidth;
      ensureRoom(doc, drawHeight + 30);
      doc.moveDown(0.3);
      const x = MARGIN + (width - drawWidth) / 2;
      doc.image(png, x, doc.y, { width: drawWidth, height: drawHeight });
      doc.y += drawHeight + 4;
      doc.fontSize(9).fillColor('#444').text(block.caption, MARGIN, doc.y, { width, align: 'center' });
      doc.moveDown(0.4);
      return;
    }
  }
}

export function pdfReport(run: ComplianceRun, maps: ReportMaps, options: ReportOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: REPORT_TITLE, Subject: `合规性审查 ${run.id}`, Producer: 'One Blueprint' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useCjkFont(doc);
  for (const block of reportContent(run, options)) drawBlock(doc, block, maps, run.verdict);
  doc.end();
  return done;
}

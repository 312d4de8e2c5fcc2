// Document blocks as an A4 PDF: Noto Sans CJK SC embedded (pdfkit subsets it, with a ToUnicode map so the
// text can be searched and extracted), the blocks in order, images scaled to the text width.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import {
  CJK_FONT_FACE,
  CJK_FONT_FILE,
  pngAspect,
  type DocumentBlock,
  type DocumentInfo,
} from './document-blocks';

const MARGIN = 56;

/**
 * The CJK face as pdfkit's font engine parsed it for the first document, handed to every later one (pdfkit
 * takes a parsed font in place of a file): the 20 MB collection is read and its tables decoded once, and
 * each document still embeds a subset of only the glyphs it uses.
 */
let parsedFont: unknown;

/** Registers and selects the embedded CJK face ('cjk') on a document (also used by the map prints). */
export function useCjkFont(doc: PDFKit.PDFDocument): void {
  doc.registerFont('cjk', (parsedFont ?? readFileSync(CJK_FONT_FILE)) as Buffer, CJK_FONT_FACE);
  doc.font('cjk');
  parsedFont ??= (doc as unknown as { _font: { font: unknown } })._font.font;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawBlock(doc: PDFKit.PDFDocument, block: DocumentBlock): void {
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
      if (block.emphasis === 'strong') {
        doc
          .moveDown(0.3)
          .fontSize(15)
          .fillColor(block.colour ?? '#000')
          .text(block.text);
      } else {
        doc
          .fontSize(block.emphasis === 'note' ? 9 : 10.5)
          .fillColor(block.emphasis === 'note' ? '#444' : (block.colour ?? '#000'));
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
    case 'image': {
      const drawWidth = block.width === 'full' ? width : width * 0.7;
      const drawHeight = pngAspect(block.png) * drawWidth;
      ensureRoom(doc, drawHeight + 30);
      doc.moveDown(0.3);
      const x = MARGIN + (width - drawWidth) / 2;
      doc.image(block.png, x, doc.y, { width: drawWidth, height: drawHeight });
      doc.y += drawHeight + 4;
      doc.fontSize(9).fillColor('#444').text(block.caption, MARGIN, doc.y, { width, align: 'center' });
      doc.moveDown(0.4);
      return;
    }
  }
}

export function pdfDocument(blocks: DocumentBlock[], info: DocumentInfo): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: info.title, Subject: info.subject, Producer: 'One Blueprint' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useCjkFont(doc);
  for (const block of blocks) drawBlock(doc, block);
  doc.end();
  return done;
}

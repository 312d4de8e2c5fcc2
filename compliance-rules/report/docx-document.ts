// Document blocks as a Word document (A4, images embedded as PNG). Word has no font embedding here: the
// text names Noto Sans CJK SC with SimSun as the East Asian fallback.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { pngAspect, type DocumentBlock, type DocumentInfo } from './document-blocks';

/** the width images are shown at, in pixels at 96 dpi (about 16 cm, the A4 text width) */
const FULL_WIDTH_PX = 600;
const NARROW_WIDTH_PX = 420;
const A4 = { width: 11906, height: 16838 }; // twentieths of a point

const hex = (colour: string | undefined, fallback: string) =>
  (colour ?? fallback).replace(/^#/, '').toUpperCase();

function paragraphs(block: DocumentBlock): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            new TextRun({
              text: block.text,
              ...(block.emphasis === 'strong'
                ? { bold: true, size: 30, color: hex(block.colour, '000000') }
                : {}),
              ...(block.emphasis === 'note' ? { size: 18, color: '444444' } : {}),
              ...(block.emphasis === undefined && block.colour ? { color: hex(block.colour, '000000') } : {}),
            }),
          ],
        }),
      ];
    case 'fields':
      return block.rows.map(
        ([label, value]) =>
          new Paragraph({
            children: [new TextRun({ text: `${label}：`, color: '555555' }), new TextRun(value)],
          }),
      );
    case 'image': {
      const width = block.width === 'full' ? FULL_WIDTH_PX : NARROW_WIDTH_PX;
      const height = Math.round(pngAspect(block.png) * width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'png', data: block.png, transformation: { width, height } })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: block.caption, size: 18, color: '444444' })],
        }),
      ];
    }
  }
}

export function docxDocument(blocks: DocumentBlock[], info: DocumentInfo): Promise<Buffer> {
  const doc = new Document({
    title: info.title,
    subject: info.subject,
    creator: 'One Blueprint',
    styles: {
      default: {
        document: { run: { font: { ascii: 'Noto Sans CJK SC', eastAsia: 'Noto Sans CJK SC' }, size: 21 } },
      },
    },
    sections: [{ properties: { page: { size: A4 } }, children: blocks.flatMap(paragraphs) }],
  });
  return Packer.toBuffer(doc);
}

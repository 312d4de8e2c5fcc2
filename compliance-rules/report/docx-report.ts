// The report as a Word document (A4, the same blocks as the PDF, maps embedded as PNG images). Word has
// no font embedding here: the text names Noto Sans CJK SC with SimSun as the East Asian fallback.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { ComplianceRun } from '../runs/read-run';
import { REPORT_TITLE, reportContent, type ReportBlock, type ReportOptions } from './report-content';
import { mapFor, type ReportMaps } from './report-maps';

const VERDICT_COLOURS: Record<string, string> = { 通过: '1B7F3B', 有条件通过: 'C26A00', 不通过: 'C0262D' };
/** the width maps are shown at, in pixels at 96 dpi (about 16 cm, the A4 text width) */
const SITE_MAP_WIDTH_PX = 600;
const RULE_MAP_WIDTH_PX = 420;
const A4 = { width: 11906, height: 16838 }; // twentieths of a point

function paragraphs(block: ReportBlock, maps: ReportMaps, verdict: string): Paragraph[] {
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
              ...(block.emphasis === 'verdict'
                ? { bold: true, size: 30, color: VERDICT_COLOURS[verdict] ?? '000000' }
                : {}),
              ...(block.emphasis === 'note' ? { size: 18, color: '444444' } : {}),
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
    case 'map': {
      const png = mapFor(maps, block.map);
      if (!png) return [];
      const width = 'site' in block.map ? SITE_MAP_WIDTH_PX : RULE_MAP_WIDTH_PX;
      const height = Math.round((png.readUInt32BE(20) / png.readUInt32BE(16)) * width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'png', data: png, transformation: { width, height } })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: block.caption, size: 18, color: '444444' })],
        }),
      ];
    }
  }
}

export function docxReport(run: ComplianceRun, maps: ReportMaps, options: ReportOptions): Promise<Buffer> {
  const doc = new Document({
    title: REPORT_TITLE,
    creator: 'One Blueprint',
    styles: {
      default: {
        document: { run: { font: { ascii: 'Noto Sans CJK SC', eastAsia: 'Noto Sans CJK SC' }, size: 21 } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4 } },
        children: reportContent(run, options).flatMap((block) => paragraphs(block, maps, run.verdict)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

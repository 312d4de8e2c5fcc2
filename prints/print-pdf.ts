// A map print as one landscape page: title across the top, the map image fitted into its frame with a
// north arrow, the legend in a column on the right, the scale bar, the numeric scale and the notes under
// the map. The numeric scale is computed for the paper, not the screen: the image is scaled to the frame.
import PDFDocument from 'pdfkit';
import { useCjkFont } from '../compliance-rules';
import { lengthLabel, printScale } from './nice-scale';

export const PAPER_SIZES = ['A4', 'A3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface LegendEntry {
  name: string;
  /** #rrggbb of the swatch, or null for a layer drawn from images */
  colour: string | null;
}

export interface PrintRequest {
  title: string;
  paper: PaperSize;
  /** the map as the browser drew it (PNG) */
  mapPng: Buffer;
  /** ground metres covered by one pixel of mapPng at the view centre */
  metresPerPixel: number;
  legend: LegendEntry[];
  /** lines printed under the map (coordinate system, centre, date), in the user's language */
  notes: string[];
}

const MARGIN = 28;
const LEGEND_WIDTH = 170;
const FOOTER_HEIGHT = 58;
const INK = '#1f2933';

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function drawNorthArrow(doc: PDFKit.PDFDocument, x: number, y: number): void {
  const w = 18;
  const h = 30;
  doc.save();
  doc
    .rect(x - 16, y - 4, 32, h + 24)
    .fillOpacity(0.85)
    .fill('#ffffff');
  doc.fillOpacity(1);
  doc.polygon([x, y + 14], [x - w / 2, y + 14 + h], [x, y + 14 + h * 0.7]).fill(INK);
  doc
    .polygon([x, y + 14], [x + w / 2, y + 14 + h], [x, y + 14 + h * 0.7])
    .lineWidth(0.8)
    .stroke(INK);
  doc
    .fontSize(10)
    .fillColor(INK)
    .text('北', x - 10, y - 2, { width: 20, align: 'center' });
  doc.restore();
}

function drawScaleBar(doc: PDFKit.PDFDocument, x: number, y: number, points: number, label: string): void {
  const segments = 4;
  const step = points / segments;
  doc.save().lineWidth(0.6);
  for (let i = 0; i < segments; i++) {
    doc.rect(x + i * step, y, step, 5).fillAndStroke(i % 2 === 0 ? INK : '#ffffff', INK);
  }
  doc.fontSize(8).fillColor(INK);
  doc.text('0', x - 10, y + 7, { width: 20, align: 'center' });
  doc.text(label, x + points - 40, y + 7, { width: 80, align: 'center' });
  doc.restore();
}

function drawLegend(doc: PDFKit.PDFDocument, entries: LegendEntry[], x: number, y: number, bottom: number) {
  doc.fontSize(12).fillColor(INK).text('图例', x, y);
  let rowY = y + 22;
  const rowHeight = entries.length > 20 ? 13 : 17;
  doc.fontSize(entries.length > 20 ? 8 : 9.5);
  for (const [index, entry] of entries.entries()) {
    if (rowY + rowHeight > bottom) {
      doc.fillColor('#555').text(`另有 ${entries.length - index} 项`, x, rowY);
      return;
    }
    if (entry.colour)
      doc
        .rect(x, rowY + 1, 16, 9)
        .fillOpacity(0.6)
        .fillAndStroke(entry.colour, entry.colour);
    else
      doc
        .rect(x, rowY + 1, 16, 9)
        .fillOpacity(1)
        .fillAndStroke('#c9c3b3', '#8a8371');
    doc.fillOpacity(1).fillColor(INK);
    doc.text(entry.name, x + 22, rowY, { width: LEGEND_WIDTH - 30, height: rowHeight, ellipsis: true });
    rowY += rowHeight;
  }
}

export function printPdf(request: PrintRequest): Promise<Buffer> {
  const doc = new PDFDocument({
    size: request.paper,
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: request.title, Subject: '一张蓝图 地图打印', Producer: 'One Blueprint' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useCjkFont(doc);
  const { width: pageW, height: pageH } = doc.page;
  const titleSize = request.paper === 'A3' ? 24 : 18;
  doc.fontSize(titleSize).fillColor(INK);
  doc.text(request.title, MARGIN, MARGIN, {
    width: pageW - 2 * MARGIN,
    align: 'center',
    height: titleSize * 1.6,
  });
  const top = MARGIN + titleSize * 1.8;

  // the map frame, and the image fitted into it
  const frame = {
    x: MARGIN,
    y: top,
    w: pageW - 2 * MARGIN - LEGEND_WIDTH - 12,
    h: pageH - top - MARGIN - FOOTER_HEIGHT,
  };
  const image = pngSize(request.mapPng);
  const fit = Math.min(frame.w / image.width, frame.h / image.height);
  const drawn = { w: image.width * fit, h: image.height * fit };
  const imageX = frame.x + (frame.w - drawn.w) / 2;
  // top-aligned: the scale and notes then sit right under the map, the page's spare height below them
  const imageY = frame.y;
  doc.image(request.mapPng, imageX, imageY, { width: drawn.w, height: drawn.h });
  doc.lineWidth(1).rect(imageX, imageY, drawn.w, drawn.h).stroke(INK);
  drawNorthArrow(doc, imageX + drawn.w - 26, imageY + 10);

  // the legend beside the map
  const legendX = pageW - MARGIN - LEGEND_WIDTH;
  // as tall as the map, or taller for a long legend on a wide, low map
  const legendHeight = Math.min(frame.h, Math.max(drawn.h, 40 + request.legend.length * 17));
  doc
    .lineWidth(0.6)
    .rect(legendX - 6, top, LEGEND_WIDTH + 6, legendHeight)
    .stroke('#9aa5b1');
  drawLegend(doc, request.legend, legendX + 4, top + 8, top + legendHeight - 8);

  // scale and notes under the map
  const scale = printScale(request.metresPerPixel / fit, 140);
  const footerY = imageY + drawn.h + 12;
  drawScaleBar(doc, imageX + 10, footerY, scale.barPoints, lengthLabel(scale.barMetres));
  doc.fontSize(10).fillColor(INK);
  doc.text(
    `比例尺 1:${scale.denominator.toLocaleString('en-US')}`,
    imageX + scale.barPoints + 60,
    footerY - 2,
  );
  doc.fontSize(8).fillColor('#52606d');
  doc.text(request.notes.join('    '), imageX + 10, footerY + 24, { width: pageW - 2 * MARGIN - 20 });
  doc.end();
  return done;
}

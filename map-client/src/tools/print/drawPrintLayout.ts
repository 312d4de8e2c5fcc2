// The PNG export's page, drawn on a canvas as the PDF print lays out its page (prints/ on the server):
// the title over the map, a north arrow on it, the legend beside it, the scale bar, 1:N and notes under it.
import type { LegendEntry } from './printLegend';

export interface PrintLayout {
  title: string;
  map: HTMLCanvasElement;
  /** ground metres one pixel of `map` covers at the view centre */
  metresPerPixel: number;
  /** the screen's 1:N */
  denominator: number;
  legend: LegendEntry[];
  notes: string[];
  labels: { legend: string; north: string; scale: string };
}

const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const INK = '#1f2933';

/** The largest 1, 2 or 5 × 10ᵏ not above `value`. */
function roundLength(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const leading = value / power;
  return (leading >= 5 ? 5 : leading >= 2 ? 2 : 1) * power;
}

function drawNorthArrow(c: CanvasRenderingContext2D, x: number, y: number, unit: number, label: string) {
  c.fillStyle = 'rgba(255,255,255,0.85)';
  c.fillRect(x - 20 * unit, y - 4 * unit, 40 * unit, 64 * unit);
  c.fillStyle = INK;
  c.strokeStyle = INK;
  c.lineWidth = unit;
  c.font = `${14 * unit}px ${FONT}`;
  c.textAlign = 'center';
  c.textBaseline = 'top';
  c.fillText(label, x, y);
  const top = y + 20 * unit;
  c.beginPath();
  c.moveTo(x, top);
  c.lineTo(x - 10 * unit, top + 34 * unit);
  c.lineTo(x, top + 25 * unit);
  c.closePath();
  c.fill();
  c.beginPath();
  c.moveTo(x, top);
  c.lineTo(x + 10 * unit, top + 34 * unit);
  c.lineTo(x, top + 25 * unit);
  c.closePath();
  c.stroke();
}

export function drawPrintLayout(layout: PrintLayout): HTMLCanvasElement {
  const { map } = layout;
  const unit = Math.max(1, map.width / 1400);
  const margin = 24 * unit;
  const titleBand = 56 * unit;
  const legendWidth = 240 * unit;
  const footer = 72 * unit;
  const out = document.createElement('canvas');
  out.width = Math.round(margin * 3 + map.width + legendWidth);
  out.height = Math.round(margin * 2 + titleBand + map.height + footer);
  const c = out.getContext('2d');
  if (!c) throw new Error('canvas 2d context unavailable');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, out.width, out.height);

  c.fillStyle = INK;
  c.font = `${26 * unit}px ${FONT}`;
  c.textAlign = 'center';
  c.textBaseline = 'middle';
  c.fillText(layout.title, out.width / 2, margin + titleBand / 2);

  const mapX = margin;
  const mapY = margin + titleBand;
  c.drawImage(map, mapX, mapY);
  c.strokeStyle = INK;
  c.lineWidth = unit;
  c.strokeRect(mapX, mapY, map.width, map.height);
  drawNorthArrow(c, mapX + map.width - 36 * unit, mapY + 14 * unit, unit, layout.labels.north);

  // the legend column
  const legendX = mapX + map.width + margin;
  c.strokeStyle = '#9aa5b1';
  c.strokeRect(legendX, mapY, legendWidth, map.height);
  c.textAlign = 'left';
  c.textBaseline = 'top';
  c.fillStyle = INK;
  c.font = `${17 * unit}px ${FONT}`;
  c.fillText(layout.labels.legend, legendX + 12 * unit, mapY + 12 * unit);
  c.font = `${13 * unit}px ${FONT}`;
  let rowY = mapY + 44 * unit;
  for (const entry of layout.legend) {
    if (rowY + 20 * unit > mapY + map.height) break;
    c.globalAlpha = entry.colour ? 0.6 : 1;
    c.fillStyle = entry.colour ?? '#c9c3b3';
    c.fillRect(legendX + 12 * unit, rowY + 2 * unit, 22 * unit, 13 * unit);
    c.globalAlpha = 1;
    c.strokeStyle = entry.colour ?? '#8a8371';
    c.strokeRect(legendX + 12 * unit, rowY + 2 * unit, 22 * unit, 13 * unit);
    c.fillStyle = INK;
    c.fillText(entry.name, legendX + 42 * unit, rowY, legendWidth - 52 * unit);
    rowY += 24 * unit;
  }

  // scale bar (four segments), 1:N and the notes
  const barMetres = roundLength(layout.metresPerPixel * 180 * unit);
  const barPx = barMetres / layout.metresPerPixel;
  const barY = mapY + map.height + 18 * unit;
  c.lineWidth = unit;
  for (let i = 0; i < 4; i++) {
    c.fillStyle = i % 2 === 0 ? INK : '#ffffff';
    c.fillRect(mapX + (i * barPx) / 4, barY, barPx / 4, 7 * unit);
    c.strokeStyle = INK;
    c.strokeRect(mapX + (i * barPx) / 4, barY, barPx / 4, 7 * unit);
  }
  c.fillStyle = INK;
  c.font = `${12 * unit}px ${FONT}`;
  c.textAlign = 'center';
  c.fillText('0', mapX, barY + 10 * unit);
  c.fillText(barMetres >= 1000 ? `${barMetres / 1000} km` : `${barMetres} m`, mapX + barPx, barY + 10 * unit);
  c.textAlign = 'left';
  c.font = `${14 * unit}px ${FONT}`;
  c.fillText(layout.labels.scale, mapX + barPx + 48 * unit, barY - 4 * unit);
  c.fillStyle = '#52606d';
  c.font = `${12 * unit}px ${FONT}`;
  c.fillText(layout.notes.join('    '), mapX, barY + 32 * unit, out.width - 2 * margin);
  return out;
}

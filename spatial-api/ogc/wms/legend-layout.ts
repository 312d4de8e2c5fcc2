// The layout of a layer's legend: one row per style rule (a swatch and the rule's name) or, for imagery,
// one row naming the layer; shared by GetLegendGraphic and the LegendURL sizes in the capabilities.
import { createCanvas } from '@napi-rs/canvas';
import { cjkFont } from './render/fonts';
import { compileStyle, type PaintRule } from './render/style-rules';
import type { WmsLayer } from './wms-layers';

export const LEGEND_FONT_PX = 12;
export const LEGEND_PADDING_PX = 4;
export const LEGEND_GAP_PX = 6;
export const LEGEND_ROW_SPACING_PX = 4;
export const DEFAULT_SYMBOL_PX = 20;

export interface LegendRow {
  label: string;
  /** null for imagery, whose swatch is a photo-like gradient */
  rule: PaintRule | null;
}

export interface LegendLayout {
  rows: LegendRow[];
  width: number;
  height: number;
  rowHeight: number;
  symbolWidth: number;
  symbolHeight: number;
}

let measuring: ReturnType<ReturnType<typeof createCanvas>['getContext']> | undefined;

function textWidth(text: string): number {
  measuring ??= createCanvas(1, 1).getContext('2d');
  measuring.font = cjkFont(LEGEND_FONT_PX);
  return measuring.measureText(text).width;
}

export function legendRows(layer: WmsLayer, ruleName?: string, scale?: number): LegendRow[] {
  const { summary } = layer;
  if (layer.raster) return [{ label: summary.name, rule: null }];
  const style = compileStyle({
    style: summary.style,
    layerName: summary.name,
    geometryType: summary.geometryType,
    attributes: summary.attributeSchema.map((a) => a.name),
  });
  return style.rules
    .filter((r) => r.symbolizers.some((s) => s.kind !== 'Text'))
    .filter((r) => ruleName === undefined || r.name === ruleName)
    .filter((r) => scale === undefined || (scale >= r.minScale && scale < r.maxScale))
    .map((rule) => ({ label: rule.name, rule }));
}

export function legendLayout(
  rows: LegendRow[],
  symbolWidth = DEFAULT_SYMBOL_PX,
  symbolHeight = DEFAULT_SYMBOL_PX,
): LegendLayout {
  const rowHeight = Math.max(symbolHeight, LEGEND_FONT_PX + 4);
  const labelWidth = Math.max(0, ...rows.map((r) => textWidth(r.label)));
  return {
    rows,
    rowHeight,
    symbolWidth,
    symbolHeight,
    width: Math.ceil(LEGEND_PADDING_PX * 2 + symbolWidth + LEGEND_GAP_PX + labelWidth),
    height: Math.max(
      1,
      LEGEND_PADDING_PX * 2 + rows.length * rowHeight + Math.max(0, rows.length - 1) * LEGEND_ROW_SPACING_PX,
    ),
  };
}

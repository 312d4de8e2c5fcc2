// GetLegendGraphic (SLD 1.1 extension of WMS 1.3.0): a legend of one layer, a swatch and the Chinese rule
// name per row; LAYER, STYLE, FORMAT, WIDTH / HEIGHT (swatch size), RULE, SCALE, TRANSPARENT.
import { createCanvas } from '@napi-rs/canvas';
import type { Pool } from 'pg';
import type { Kvp } from '../kvp';
import type { OgcOperation } from '../ows-router';
import { OgcException } from '../ogc-exception';
import { imageFormat } from './formats';
import {
  DEFAULT_SYMBOL_PX,
  LEGEND_FONT_PX,
  LEGEND_GAP_PX,
  LEGEND_PADDING_PX,
  LEGEND_ROW_SPACING_PX,
  legendLayout,
  legendRows,
} from './legend-layout';
import { encodeImage } from './render/encode-image';
import { cjkFont } from './render/fonts';
import { paintImagerySwatch, paintSwatch } from './render/swatch-painter';
import { publishedWmsLayers, resolveWmsLayer } from './wms-layers';
import { requestCatalog } from '../../request-catalog';

const MAX_SYMBOL_PX = 512;

function positiveNumber(kvp: Kvp, name: string): number | undefined {
  const raw = kvp.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new OgcException(
      'InvalidParameterValue',
      name,
      `${name}应为正数，而不是“${raw}” / ${name} must be a positive number`,
    );
  }
  return value;
}

export function getLegendGraphic(pool: Pool): OgcOperation {
  return async (_req, res, kvp) => {
    const name = kvp.require('LAYER');
    const format = imageFormat(kvp.get('FORMAT'));
    const style = kvp.get('STYLE');
    if (style !== undefined && style.toLowerCase() !== 'default') {
      throw new OgcException(
        'StyleNotDefined',
        'STYLE',
        `未知的样式“${style}”，可用default / style ${style} is not defined: use default`,
      );
    }
    const symbolWidth = kvp.integer('WIDTH', DEFAULT_SYMBOL_PX, 1, MAX_SYMBOL_PX)!;
    const symbolHeight = kvp.integer('HEIGHT', DEFAULT_SYMBOL_PX, 1, MAX_SYMBOL_PX)!;
    const transparent = /^true$/i.test(kvp.get('TRANSPARENT') ?? '') && format.alpha;
    const ruleName = kvp.get('RULE');
    const scale = positiveNumber(kvp, 'SCALE');
    const layer = resolveWmsLayer(publishedWmsLayers(await requestCatalog(pool)), name, 'LAYER');
    const rows = legendRows(layer, ruleName, scale);
    if (ruleName !== undefined && rows.length === 0) {
      throw new OgcException(
        'InvalidParameterValue',
        'RULE',
        `图层${name}没有规则“${ruleName}” / layer ${name} has no rule ${ruleName}`,
      );
    }
    const layout = legendLayout(rows, symbolWidth, symbolHeight);
    const canvas = createCanvas(layout.width, layout.height);
    const ctx = canvas.getContext('2d');
    if (!transparent) {
      ctx.fillStyle = '#FFFFFF';
      ctx.fillRect(0, 0, layout.width, layout.height);
    }
    layout.rows.forEach((row, i) => {
      const top = LEGEND_PADDING_PX + i * (layout.rowHeight + LEGEND_ROW_SPACING_PX);
      const box = {
        x: LEGEND_PADDING_PX,
        y: top + (layout.rowHeight - symbolHeight) / 2,
        width: symbolWidth,
        height: symbolHeight,
      };
      if (row.rule) paintSwatch(ctx, row.rule, layer.summary.geometryType, box);
      else paintImagerySwatch(ctx, box);
      ctx.font = cjkFont(LEGEND_FONT_PX);
      ctx.fillStyle = '#222222';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(row.label, LEGEND_PADDING_PX + symbolWidth + LEGEND_GAP_PX, top + layout.rowHeight / 2);
    });
    res
      .status(200)
      .type(format.mime)
      .send(await encodeImage(canvas, format, !transparent));
  };
}

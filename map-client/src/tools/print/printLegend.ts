// The legend of a print: the visible layers, top of the drawing order first, each with the first colour
// of its style as #rrggbb (the panel's swatch colour), or none for imagery.
import type { LayerSummary } from '../../api/types';
import { ruleColours } from '../../components/LegendSwatch';
import type { LayerState } from '../../state/layerState';

export interface LegendEntry {
  name: string;
  colour: string | null;
}

/** A CSS colour as #rrggbb (the canvas normalises any colour it accepts), or null. */
export function hexColour(colour: string): string | null {
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.fillStyle = '#000000';
  context.fillStyle = colour;
  const normalised = context.fillStyle;
  if (/^#[0-9a-f]{6}$/i.test(normalised)) return normalised;
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(normalised);
  return rgb
    ? `#${rgb
        .slice(1, 4)
        .map((v) => Number(v).toString(16).padStart(2, '0'))
        .join('')}`
    : null;
}

export function printLegend(layers: LayerSummary[], state: LayerState): LegendEntry[] {
  const byCode = new Map(layers.map((layer) => [layer.code, layer]));
  return state.order.flatMap((code) => {
    const layer = byCode.get(code);
    if (!layer || !state.views[code]?.visible || !layer.tiles) return [];
    const first = layer.geometryType === 'Raster' ? undefined : ruleColours(layer.style)[0];
    return [{ name: layer.name, colour: first ? hexColour(first) : null }];
  });
}

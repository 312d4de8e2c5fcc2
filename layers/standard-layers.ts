// The one blueprint's standard layer set (标准图层): what the standard page shows when the link names no
// layers, bottom to top: the detailed land-use plan, the regional assessment areas (not public: a key or a
// link shows them), the three control lines of territorial planning (development boundary, basic
// farmland, ecological red line), the four colour lines, and the districts on top for orientation. Ten,
// so that the page draws them as one map image (WMS_MAX_LAYERS). The imagery is left out: warping it takes
// seconds a view on a small server, more than the page's 5 s allow; `layers=imagery_2024,…` adds it. A
// city whose catalog lacks one of them shows the others.
import type { LayerSummary } from './catalog/layer-catalog';

export const STANDARD_LAYER_SET: readonly string[] = [
  'land_use_plan',
  'regional_assessments',
  'urban_development_boundary',
  'permanent_basic_farmland',
  'ecological_red_line',
  'blue_line',
  'green_line',
  'purple_line',
  'yellow_line',
  'districts',
];

/** The most layers a standard page draws (each is a tile request per tile of the view). */
export const MAX_PAGE_LAYERS = 20;

export interface LayerSelection<L> {
  /** in drawing order, bottom first */
  layers: L[];
  /** asked for (or in the standard set) but not readable by the caller */
  withheld: string[];
  /** asked for by name and not in the catalog */
  unknown: string[];
}

/**
 * The layers a page shows: those named (in the order named), or the standard set, split into the ones the
 * caller may read and the ones withheld. Unknown names are reported only when they were asked for.
 */
export function selectPageLayers<L extends Pick<LayerSummary, 'code'>>(
  catalog: readonly L[],
  requested: readonly string[] | null,
  canRead: (layer: L) => boolean,
): LayerSelection<L> {
  const byCode = new Map(catalog.map((layer) => [layer.code, layer]));
  const codes = requested ?? STANDARD_LAYER_SET;
  const selection: LayerSelection<L> = { layers: [], withheld: [], unknown: [] };
  for (const code of new Set(codes)) {
    const layer = byCode.get(code);
    if (!layer) {
      if (requested) selection.unknown.push(code);
    } else if (canRead(layer)) selection.layers.push(layer);
    else selection.withheld.push(code);
  }
  return selection;
}

// Which of the page's layers share a map image: consecutive layers of one kind (imagery or vector), at
// most as many as a GetMap may name, bottom first.
import type { BlueprintLayer } from './blueprintData';

/** The server's WMS_MAX_LAYERS default: names a GetMap may list. */
const MAX_LAYERS_PER_IMAGE = 10;

export const isRaster = (layer: BlueprintLayer) => layer.geometryType === 'Raster';

/** Consecutive layers of one kind (imagery or vector), at most ten to a group, bottom first. */
export function imageGroups(layers: readonly BlueprintLayer[]): BlueprintLayer[][] {
  const groups: BlueprintLayer[][] = [];
  for (const layer of layers) {
    const last = groups.at(-1);
    if (last && last.length < MAX_LAYERS_PER_IMAGE && isRaster(last[0]!) === isRaster(layer))
      last.push(layer);
    else groups.push([layer]);
  }
  return groups;
}

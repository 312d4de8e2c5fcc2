// How much detail a vector tile keeps at small scales. Below zoom 13, lines and polygons whose bounding box
// is under half a display pixel (of a 256-pixel tile) across are left out: at zoom 10 a city of half a
// million parcels would otherwise send tiles of megabytes, most of them features nobody can see. Points
// are always kept. From zoom 13 on, every feature is in its tiles.
import { isRasterLayer } from '../../layers';

export const GENERALISE_BELOW_ZOOM = 13;
const DISPLAY_TILE_PX = 256;
const SMALLEST_SHOWN_PX = 0.5;

/** The smallest width or height (in degrees of longitude) a line or polygon needs to be in a tile at z. */
export function minimumFeatureSize(z: number): number | undefined {
  if (z >= GENERALISE_BELOW_ZOOM) return undefined;
  return (360 / 2 ** z / DISPLAY_TILE_PX) * SMALLEST_SHOWN_PX;
}

/** Layers with more features than this are drawn from PNG tiles at small scales (below). */
export const DENSE_LAYER_FEATURES = 20_000;

/**
 * The zoom below which a map client should draw a layer from its PNG tiles rather than its vector tiles:
 * for dense line and polygon layers, whose small features the vector tiles leave out there and the
 * image renderer blends in by their area; null for the rest, whose vector tiles show everything.
 */
export function imageTilesBelowZoom(layer: { featureCount: number; geometryType: string }): number | null {
  const dense = layer.featureCount > DENSE_LAYER_FEATURES;
  const pointLike = layer.geometryType === 'Point' || layer.geometryType === 'MultiPoint';
  return dense && !pointLike && !isRasterLayer(layer) ? GENERALISE_BELOW_ZOOM : null;
}

// What the user clicked: the features of visible catalog layers under a pixel, grouped by layer.
import type Layer from 'ol/layer/Layer.js';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import { layerCodeOf, SOURCE_LAYER_PROPERTY } from './vectorTileLayer';

export interface FeatureHit {
  layerCode: string;
  properties: Record<string, unknown>;
}

const HIT_TOLERANCE_PX = 3;
const MAX_HITS_PER_LAYER = 5;

/** `accept` narrows the layers asked further (e.g. to the clicked side of the swipe). */
export function featuresAtPixel(
  map: OlMap,
  pixel: Pixel,
  accept: (layer: Layer) => boolean = () => true,
): FeatureHit[] {
  const hits: FeatureHit[] = [];
  const perLayer = new Map<string, number>();
  // A polygon crossing a tile edge is cut into one piece per tile; near the edge both pieces are hit.
  const seen = new Set<string>();
  map.forEachFeatureAtPixel(
    pixel,
    (feature, layer) => {
      const layerCode = layer ? layerCodeOf(layer) : undefined;
      if (!layerCode) return;
      const count = perLayer.get(layerCode) ?? 0;
      if (count >= MAX_HITS_PER_LAYER) return;
      const properties = { ...feature.getProperties() };
      delete properties.geometry;
      delete properties[SOURCE_LAYER_PROPERTY];
      const key = `${layerCode}\u0000${JSON.stringify(properties)}`;
      if (seen.has(key)) return;
      seen.add(key);
      perLayer.set(layerCode, count + 1);
      hits.push({ layerCode, properties });
    },
    {
      hitTolerance: HIT_TOLERANCE_PX,
      layerFilter: (layer) => layer.getVisible() && layerCodeOf(layer) !== undefined && accept(layer),
    },
  );
  return hits;
}

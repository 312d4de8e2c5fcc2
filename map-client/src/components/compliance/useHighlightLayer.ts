// A vector layer over the map for highlighted geometries (the server's conflict parts, the preview's, the
// candidate sites), drawn in the given style; replaced whenever the geometries change. A highlight's
// properties reach the style function (a candidate's rank, whether a rule's conflict is the one selected).
import { useEffect } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type { StyleLike } from 'ol/style/Style.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { useOverlaySource } from '../../map/useOverlaySource';
import { toViewGeometry } from '../../map/cgcs2000Geometry';

export interface Highlight {
  id: string;
  geometry: Polygon | MultiPolygon;
  properties?: Record<string, unknown>;
}

export function useHighlightLayer(
  map: OlMap | null,
  highlights: Highlight[],
  style: StyleLike,
  zIndex: number,
  name?: string,
): void {
  const source = useOverlaySource(map, style, zIndex, name);

  useEffect(() => {
    source.clear();
    source.addFeatures(
      highlights.map((h) => {
        const feature = new Feature(toViewGeometry(h.geometry));
        feature.setId(h.id);
        if (h.properties) feature.setProperties(h.properties);
        return feature;
      }),
    );
  }, [source, highlights]);
}

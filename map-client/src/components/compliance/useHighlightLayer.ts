// A vector layer over the map for highlighted geometries (the server's conflict parts, the preview's, the
// candidate sites), drawn in the given style; replaced whenever the geometries change. A highlight's
// properties reach the style function (a candidate's rank, whether a rule's conflict is the one selected).
import { useEffect, useRef } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import type { StyleLike } from 'ol/style/Style.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { toViewGeometry } from './siteGeometry';

export interface Highlight {
  id: string;
  geometry: Polygon | MultiPolygon;
  properties?: Record<string, unknown>;
}

/** `name` is set on the layer (tests and the map's layer list find it by it). */
export function useHighlightLayer(
  map: OlMap | null,
  highlights: Highlight[],
  style: StyleLike,
  zIndex: number,
  name?: string,
): void {
  const sourceRef = useRef(new VectorSource<Feature<Geometry>>());

  useEffect(() => {
    if (!map) return;
    const layer = new VectorLayer({ source: sourceRef.current, style, zIndex });
    if (name) layer.set('name', name);
    map.addLayer(layer);
    return () => {
      map.removeLayer(layer);
    };
  }, [map, style, zIndex, name]);

  useEffect(() => {
    const source = sourceRef.current;
    source.clear();
    source.addFeatures(
      highlights.map((h) => {
        const feature = new Feature(toViewGeometry(h.geometry));
        feature.setId(h.id);
        if (h.properties) feature.setProperties(h.properties);
        return feature;
      }),
    );
  }, [highlights]);
}

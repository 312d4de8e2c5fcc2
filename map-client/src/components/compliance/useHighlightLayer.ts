// A vector layer over the map for highlighted geometries (the server's conflict parts, the preview's),
// drawn in the given style; replaced whenever the geometries change.
import { useEffect, useRef } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import type { Style } from 'ol/style.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { toViewGeometry } from './siteGeometry';

export interface Highlight {
  id: string;
  geometry: Polygon | MultiPolygon;
}

export function useHighlightLayer(
  map: OlMap | null,
  highlights: Highlight[],
  style: Style[],
  zIndex: number,
): void {
  const sourceRef = useRef(new VectorSource<Feature<Geometry>>());

  useEffect(() => {
    if (!map) return;
    const layer = new VectorLayer({ source: sourceRef.current, style, zIndex });
    map.addLayer(layer);
    return () => {
      map.removeLayer(layer);
    };
  }, [map, style, zIndex]);

  useEffect(() => {
    const source = sourceRef.current;
    source.clear();
    source.addFeatures(
      highlights.map((h) => {
        const feature = new Feature(toViewGeometry(h.geometry));
        feature.setId(h.id);
        return feature;
      }),
    );
  }, [highlights]);
}

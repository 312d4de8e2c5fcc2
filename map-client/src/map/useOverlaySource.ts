// A vector layer over a page's map for what the page draws itself (a site, highlights, an outline found by
// the locate box, a measurement), in the given style and stacking order; added while the map is there and
// removed with the component. The source is returned for the caller to fill. `name` is set on the layer
// (tests and the map's layer list find it by it).
import { useEffect, useRef } from 'react';
import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import type { StyleLike } from 'ol/style/Style.js';

export function useOverlaySource(
  map: OlMap | null,
  style: StyleLike,
  zIndex: number,
  name?: string,
): VectorSource<Feature<Geometry>> {
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

  return sourceRef.current;
}

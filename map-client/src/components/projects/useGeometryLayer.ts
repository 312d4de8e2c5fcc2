// A vector layer of GeoJSON geometries (EPSG:4490) over the map, each drawn in the style of its kind; the
// layer carries a name so that tests and tools can find what it shows.
import { useCallback, useEffect, useRef } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { Style } from 'ol/style.js';
import type { Geometry as GeoJsonGeometry } from 'geojson';
import { toViewGeometry } from '../../map/cgcs2000Geometry';
import { useOverlaySource } from '../../map/useOverlaySource';

export interface ShownGeometry {
  id: string;
  kind: string;
  geometry: GeoJsonGeometry;
}

export function useGeometryLayer(
  map: OlMap | null,
  name: string,
  shown: ShownGeometry[],
  styles: Record<string, Style[]>,
  zIndex: number,
): void {
  const stylesRef = useRef(styles);
  // one style function for the layer's life: new styles redraw it rather than making a new layer
  const style = useCallback(
    (feature: FeatureLike) => stylesRef.current[String(feature.get('kind'))] ?? [],
    [],
  );
  const source = useOverlaySource(map, style, zIndex, name);

  useEffect(() => {
    stylesRef.current = styles;
    source.changed();
  }, [source, styles]);

  useEffect(() => {
    source.clear();
    for (const item of shown) {
      const feature = new Feature(toViewGeometry(item.geometry));
      feature.setId(item.id);
      feature.set('kind', item.kind);
      source.addFeature(feature);
    }
  }, [source, shown]);
}

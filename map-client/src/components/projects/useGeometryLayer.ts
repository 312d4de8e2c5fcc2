// A vector layer of GeoJSON geometries (EPSG:4490) over the map, each drawn in the style of its kind; the
// layer carries a name so that tests and tools can find what it shows.
import { useCallback, useEffect, useRef } from 'react';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { Style } from 'ol/style.js';
import type { Geometry as GeoJsonGeometry } from 'geojson';
import { CGCS2000, VIEW_PROJECTION } from '../../map/registerProjections';
import { useOverlaySource } from '../../map/useOverlaySource';

export interface ShownGeometry {
  id: string;
  kind: string;
  geometry: GeoJsonGeometry;
}

/** The view-projection geometry of a GeoJSON one; made on use, once EPSG:4490 is registered. */
export function toView(geometry: GeoJsonGeometry): Geometry | null {
  return new GeoJSON({ dataProjection: CGCS2000, featureProjection: VIEW_PROJECTION }).readGeometry(geometry);
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
      const geometry = toView(item.geometry);
      if (!geometry) continue;
      const feature = new Feature(geometry);
      feature.setId(item.id);
      feature.set('kind', item.kind);
      source.addFeature(feature);
    }
  }, [source, shown]);
}

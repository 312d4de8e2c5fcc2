// A vector layer of GeoJSON geometries (EPSG:4490) over the map, each drawn in the style of its kind; the
// layer carries a name so that tests and tools can find what it shows.
import { useEffect, useRef } from 'react';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import type { Style } from 'ol/style.js';
import type { Geometry as GeoJsonGeometry } from 'geojson';
import { CGCS2000, VIEW_PROJECTION } from '../../map/registerProjections';

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
  const sourceRef = useRef(new VectorSource<Feature<Geometry>>());
  const stylesRef = useRef(styles);

  useEffect(() => {
    stylesRef.current = styles;
    sourceRef.current.changed();
  }, [styles]);

  useEffect(() => {
    if (!map) return;
    const layer = new VectorLayer({
      source: sourceRef.current,
      style: (feature) => stylesRef.current[String(feature.get('kind'))] ?? [],
      zIndex,
    });
    layer.set('name', name);
    map.addLayer(layer);
    return () => {
      map.removeLayer(layer);
    };
  }, [map, name, zIndex]);

  useEffect(() => {
    const source = sourceRef.current;
    source.clear();
    for (const item of shown) {
      const geometry = toView(item.geometry);
      if (!geometry) continue;
      const feature = new Feature(geometry);
      feature.setId(item.id);
      feature.set('kind', item.kind);
      source.addFeature(feature);
    }
  }, [shown]);
}

// The place, project or point chosen in the locate box, drawn over every layer in a bright outline until
// another is chosen or the box is cleared.
import { useEffect } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import type { Geometry as GeoJsonGeometry } from 'geojson';
import { VIEW_PROJECTION } from '../../map/registerProjections';
import { useOverlaySource } from '../../map/useOverlaySource';

const STYLE = [
  new Style({ stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 6 }) }),
  new Style({
    fill: new Fill({ color: 'rgba(0, 170, 255, 0.12)' }),
    stroke: new Stroke({ color: '#0077cc', width: 3 }),
    image: new Circle({
      radius: 8,
      fill: new Fill({ color: 'rgba(0, 119, 204, 0.35)' }),
      stroke: new Stroke({ color: '#0077cc', width: 3 }),
    }),
  }),
];
const Z_INDEX = 9_700;

// lon/lat in CGCS2000 and WGS84 agree to centimetres: EPSG:4326 is always known to OpenLayers
const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: VIEW_PROJECTION });

/** The geometry in the view projection. */
export function toView(geometry: GeoJsonGeometry): Geometry {
  const read = format.readGeometry(geometry);
  if (!read) throw new Error('empty geometry');
  return read;
}

export function useLocateHighlight(map: OlMap | null, geometry: GeoJsonGeometry | null): void {
  const source = useOverlaySource(map, STYLE, Z_INDEX);

  useEffect(() => {
    source.clear();
    if (geometry) source.addFeature(new Feature(toView(geometry)));
  }, [source, geometry]);
}

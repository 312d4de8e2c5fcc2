// Geometries between OpenLayers (view projection) and GeoJSON in CGCS2000 (EPSG:4490), as the API gives and
// takes them.
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import type { Geometry as GeoJsonGeometry, MultiPolygon, Polygon } from 'geojson';
import { CGCS2000, VIEW_PROJECTION } from './registerProjections';

// Made on use: EPSG:4490 is registered with OpenLayers only once the CRS list has arrived, and a format
// made before would silently keep Web Mercator metres.
const format = () => new GeoJSON({ dataProjection: CGCS2000, featureProjection: VIEW_PROJECTION });

export function toCgcs2000Geometry(geometry: Geometry): Polygon | MultiPolygon | null {
  const json = format().writeGeometryObject(geometry, { decimals: 9 });
  if (json.type !== 'Polygon' && json.type !== 'MultiPolygon') return null;
  return json as Polygon | MultiPolygon;
}

export function toViewGeometry(geometry: GeoJsonGeometry): Geometry {
  const read = format().readGeometry(geometry);
  if (!read) throw new Error('empty geometry');
  return read;
}

// Reads a version's features reprojected into a projected CRS (a Gauss-Krüger zone), for files written in
// plane coordinates, and the centre of a version's extent, which tells the zone its features lie in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Geometry } from 'geojson';
import type { Queryable } from './queryable';

const PROJECTED_FEATURES = readFileSync(path.join(__dirname, 'projected-features.sql'), 'utf8');

export interface ProjectedFeatureQuery {
  /** the EPSG code to reproject into */
  srid: number;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4490 */
  bbox?: [number, number, number, number];
  /** all features when absent */
  limit?: number;
  offset: number;
}

export interface ProjectedFeature {
  key: string | null;
  properties: Record<string, unknown>;
  /** GeoJSON structure, coordinates [easting, northing] in metres to the millimetre */
  geometry: Geometry;
}

export async function queryProjectedFeatures(
  db: Queryable,
  versionId: string,
  query: ProjectedFeatureQuery,
): Promise<ProjectedFeature[]> {
  const [minX, minY, maxX, maxY] = query.bbox ?? [null, null, null, null];
  const { rows } = await db.query<ProjectedFeature>(PROJECTED_FEATURES, [
    versionId,
    query.srid,
    minX,
    minY,
    maxX,
    maxY,
    query.limit ?? null,
    query.offset,
  ]);
  return rows;
}

/** [lon, lat] of the centre of a version's extent, or null for a version without features. */
export async function versionCentre(db: Queryable, versionId: string): Promise<[number, number] | null> {
  const { rows } = await db.query<{ lon: number | null; lat: number | null }>(
    'SELECT ST_X(ST_Centroid(extent)) AS lon, ST_Y(ST_Centroid(extent)) AS lat FROM layer_versions WHERE id = $1',
    [versionId],
  );
  const row = rows[0];
  return row && row.lon !== null && row.lat !== null ? [row.lon, row.lat] : null;
}

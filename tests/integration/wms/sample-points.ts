// Points of the sample city the WMS suites draw around, read from PostGIS: a spot inside an ecological
// red line and inside a land-use parcel, in EPSG:4490 and in the projected CRSs the tests request.
import type { Pool } from 'pg';

export interface SamplePoint {
  lon: number;
  lat: number;
  /** EPSG:3857 x, y */
  mercator: [number, number];
  /** EPSG:4538 (CGCS2000 3° Gauss-Krüger, central meridian 87°E) easting, northing */
  gaussKruger: [number, number];
  properties: Record<string, unknown>;
}

interface Row {
  lon: number;
  lat: number;
  mx: number;
  my: number;
  gx: number;
  gy: number;
  properties: Record<string, unknown>;
}

/** An interior point of a large feature of the layer's current version, optionally inside a lon/lat box. */
export async function interiorPoint(
  pool: Pool,
  layerCode: string,
  within: [number, number, number, number] = [-180, -90, 180, 90],
): Promise<SamplePoint> {
  const { rows } = await pool.query<Row>(
    `WITH candidate AS (
       SELECT f.properties, ST_PointOnSurface(f.geom) AS p, ST_Area(f.geom::geography) AS area
       FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
       WHERE l.code = $1 AND f.geom && ST_MakeEnvelope($2, $3, $4, $5, 4490)
     )
     SELECT ST_X(p) AS lon, ST_Y(p) AS lat,
            ST_X(ST_Transform(p, 3857)) AS mx, ST_Y(ST_Transform(p, 3857)) AS my,
            ST_X(ST_Transform(p, 4538)) AS gx, ST_Y(ST_Transform(p, 4538)) AS gy,
            properties
     FROM candidate
     WHERE ST_Intersects(p, ST_MakeEnvelope($2, $3, $4, $5, 4490))
     ORDER BY area DESC LIMIT 1`,
    [layerCode, ...within],
  );
  const row = rows[0];
  if (!row) throw new Error(`no feature of ${layerCode} in ${within.join(',')}`);
  return {
    lon: row.lon,
    lat: row.lat,
    mercator: [row.mx, row.my],
    gaussKruger: [row.gx, row.gy],
    properties: row.properties,
  };
}

/** The lon/lat box the current imagery of the sample city covers, a tenth inside its edges. */
export async function imageryBox(pool: Pool): Promise<[number, number, number, number]> {
  const { rows } = await pool.query<{ box: [number, number, number, number] }>(
    `SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) AS box
     FROM (SELECT r.extent AS e FROM layer_rasters r JOIN layers l ON l.current_version_id = r.layer_version_id
           WHERE l.code = 'imagery_2024') raster`,
  );
  const [minX, minY, maxX, maxY] = rows[0]!.box;
  const dx = (maxX - minX) / 10;
  const dy = (maxY - minY) / 10;
  return [minX + dx, minY + dy, maxX - dx, maxY - dy];
}

export interface EdgePoint {
  lon: number;
  lat: number;
  /** the feature the point is inside */
  insideKey: string;
  /** the neighbour sharing the edge, a fraction of a metre away */
  neighbourKey: string;
}

/**
 * A point just inside one feature of the layer's current version, about half a metre from an edge it
 * shares with a neighbour whose id is lower (so an order by id would put the neighbour first).
 */
export async function pointBesideEdge(
  pool: Pool,
  layerCode: string,
  within: [number, number, number, number],
): Promise<EdgePoint> {
  const { rows } = await pool.query<EdgePoint & { inside: boolean; neighbour_m: number }>(
    `WITH features AS (
       SELECT f.id, f.feature_key, f.geom
       FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
       WHERE l.code = $1 AND f.geom && ST_MakeEnvelope($2, $3, $4, $5, 4490)
     ),
     pair AS (
       SELECT a.feature_key AS inside_key, b.feature_key AS neighbour_key, a.geom AS a_geom, b.geom AS b_geom,
              ST_LineMerge(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom))) AS shared
       FROM features a JOIN features b ON a.id > b.id AND ST_Touches(a.geom, b.geom)
     ),
     probe AS (
       SELECT inside_key, neighbour_key, a_geom, b_geom,
              ST_PointOnSurface(ST_Intersection(a_geom, ST_Buffer(shared, 0.00001))) AS p
       FROM pair WHERE GeometryType(shared) = 'LINESTRING' AND ST_Length(shared::geography) > 50
       ORDER BY ST_Length(shared::geography) DESC LIMIT 1
     )
     SELECT ST_X(p) AS lon, ST_Y(p) AS lat, inside_key AS "insideKey", neighbour_key AS "neighbourKey",
            ST_Contains(a_geom, p) AS inside, ST_Distance(b_geom::geography, p::geography) AS neighbour_m
     FROM probe`,
    [layerCode, ...within],
  );
  const row = rows[0];
  if (!row?.inside || !(row.neighbour_m > 0.1 && row.neighbour_m < 1.5)) {
    throw new Error(`no point beside a shared edge of ${layerCode} in ${within.join(',')}`);
  }
  return { lon: row.lon, lat: row.lat, insideKey: row.insideKey, neighbourKey: row.neighbourKey };
}

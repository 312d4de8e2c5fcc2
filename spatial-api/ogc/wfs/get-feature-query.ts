// Builds the SQL of a GetFeature from fixed fragments: every value (version, box, filter literals, sort
// property names, paging) is a bound parameter; nothing from the request enters the SQL text.
import { filterToSql } from '../fes';
import type { GetFeatureParams } from './get-feature-params';

export interface FeatureQuery {
  count: { text: string; values: unknown[] };
  page: { text: string; values: unknown[] };
}

const NUMERIC = new Set(['integer', 'number']);

export function buildFeatureQuery(params: GetFeatureParams, versionId: string): FeatureQuery {
  const values: unknown[] = [versionId];
  const next = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['f.layer_version_id = $1'];
  if (params.bbox) {
    const [minX, minY, maxX, maxY] = params.bbox.box;
    where.push(
      `ST_Intersects(f.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope(${next(minX)}, ${next(minY)}, ${next(maxX)}, ${next(maxY)}, ${next(params.bbox.epsg)}::int), ${next(params.bbox.epsg === 4490 || params.bbox.epsg === 4326 ? 0.01 : 1000)}::float8), 4490))`,
    );
  }
  if (params.filter !== undefined) {
    const filter = filterToSql(params.filter, {
      properties: params.type.properties.map((p) => ({ name: p.name, type: p.type })),
      geometryName: 'geom',
      firstParameter: values.length + 1,
    });
    values.push(...filter.values);
    where.push(`(${filter.sql})`);
  }
  if (params.resourceIds.length > 0) {
    where.push(
      `(f.feature_key = ANY (${next(params.resourceIds.map((r) => r.replace(/^[^.]*\./, '')))}::text[]) OR f.id::text = ANY (${next(params.resourceIds.map((r) => r.replace(/^[^.]*\./, '')))}::text[]))`,
    );
  }
  const whereText = where.join(' AND ');
  const countValues = [...values];
  const order = params.sortBy.map((key) => {
    const type = params.type.properties.find((p) => p.name === key.name)?.type;
    const expression = NUMERIC.has(type ?? '')
      ? `NULLIF(f.properties ->> ${next(key.name)}, '')::numeric`
      : `f.properties ->> ${next(key.name)}`;
    return `${expression} ${key.descending ? 'DESC' : 'ASC'} NULLS LAST`;
  });
  order.push('f.id');
  const geographic = params.crs.epsg === 4490 || params.crs.epsg === 4326;
  const srid = next(params.crs.epsg);
  const digits = next(geographic ? 9 : 3);
  const geometry =
    params.outputFormat === 'geojson'
      ? `ST_AsGeoJSON(ST_Transform(f.geom, ${srid}::int), ${digits}::int, 0)`
      : gmlGeometry(params.crs, srid, digits, next);
  const limit = next(params.count);
  const offset = next(params.startIndex);
  return {
    count: { text: `SELECT count(*) AS n FROM layer_features f WHERE ${whereText}`, values: countValues },
    page: {
      text: `SELECT f.id, f.feature_key, f.properties, ${geometry} AS geometry FROM layer_features f WHERE ${whereText} ORDER BY ${order.join(', ')} LIMIT ${limit} OFFSET ${offset}`,
      values,
    },
  };
}

/**
 * GML 3.2 of the feature in the request's CRS. PostGIS names a CRS as EPSG:n (short) or
 * urn:ogc:def:crs:EPSG::n (long, option 1, with option 16 for northing first); CRS84 it cannot name, so
 * its geometry is written longitude first under the short name and renamed to the name asked for.
 */
function gmlGeometry(
  crs: GetFeatureParams['crs'],
  srid: string,
  digits: string,
  next: (value: unknown) => string,
): string {
  const crs84 = crs.epsg === 4326 && !crs.northFirst && !/^EPSG:/i.test(crs.name);
  const longName = !crs84 && crs.name.includes(':') && !/^EPSG:/i.test(crs.name);
  const options = next((longName ? 1 : 0) | (crs.northFirst ? 16 : 0));
  const gml = `ST_AsGML(3, ST_Transform(f.geom, ${srid}::int), ${digits}::int, ${options}::int, 'gml', 'g.' || f.id)`;
  if (!crs84) return gml;
  return `replace(${gml}, 'srsName="EPSG:4326"', ${next(`srsName="${crs.name}"`)})`;
}

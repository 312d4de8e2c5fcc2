// Turns a submitted site into the CGCS2000 multipolygon the rules are evaluated against, refusing what no
// check can use (empty, off the earth or outside the city, too large) with an error naming `geometry`, and
// repairing an invalid one with ST_MakeValid, saying so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../layers';
import { invalid } from '../compliance-error';
import { isGeographic, sourceProjection, type SiteGeometry } from './site-input';

const PREPARE_SITE = readFileSync(path.join(__dirname, 'prepare-site.sql'), 'utf8');

/** a site sticking out of the city by more than this is refused (slivers along the border are not) */
export const OUTSIDE_CITY_TOLERANCE_M2 = 1;

export interface PreparedSite {
  /** EWKB of the site in EPSG:4490, passed losslessly to every rule's query */
  ewkb: Buffer;
  /** the same site as GeoJSON with nine decimals, as `ST_AsGeoJSON(geom, 9)` of the stored site gives it */
  geojson: Record<string, unknown>;
  areaM2: number;
  crs: string;
  repaired: boolean;
  repairReason: string | null;
}

interface Row {
  empty: boolean;
  valid: boolean;
  reason: string | null;
  on_earth: boolean;
  ewkb: Buffer | null;
  geojson: Record<string, unknown> | null;
  area_m2: number | null;
  outside_city_m2: number | null;
  bbox: number[] | null;
}

export async function prepareSite(
  db: Queryable,
  geometry: SiteGeometry,
  crs: string,
  limits: { cityVersionId: string; maxSiteAreaM2: number },
): Promise<PreparedSite> {
  const projection = sourceProjection(crs);
  let row: Row | undefined;
  try {
    ({
      rows: [row],
    } = await db.query<Row>(PREPARE_SITE, [JSON.stringify(geometry), projection, limits.cityVersionId]));
  } catch (error) {
    throw invalid(`无法读取用地范围 / geometry cannot be read: ${(error as Error).message}`, {
      parameter: 'geometry',
    });
  }
  if (!row || row.empty)
    throw invalid('用地范围为空（修复后无面积） / geometry is empty (no area left after repair)', {
      parameter: 'geometry',
    });
  const axisHint = isGeographic(crs)
    ? '；请检查坐标轴顺序（经度在前、纬度在后） / check the axis order (longitude first)'
    : '';
  if (
    !row.on_earth ||
    row.ewkb === null ||
    row.geojson === null ||
    row.area_m2 === null ||
    row.outside_city_m2 === null
  )
    throw invalid(
      `用地范围的坐标超出经纬度范围${axisHint} / geometry coordinates are off the earth in ${crs}`,
      {
        parameter: 'geometry',
        bbox: row.bbox,
      },
    );
  if (row.area_m2 > limits.maxSiteAreaM2)
    throw invalid(
      `用地面积${(row.area_m2 / 1e6).toFixed(2)}平方公里，超过上限${limits.maxSiteAreaM2 / 1e6}平方公里 / geometry too large: ${Math.round(row.area_m2)} m² > ${limits.maxSiteAreaM2} m²`,
      { parameter: 'geometry', areaM2: row.area_m2, maxAreaM2: limits.maxSiteAreaM2 },
    );
  if (row.outside_city_m2 > OUTSIDE_CITY_TOLERANCE_M2)
    throw invalid(
      `用地范围有${Math.round(row.outside_city_m2)}平方米在市域范围外${axisHint} / geometry lies outside the city (${Math.round(row.outside_city_m2)} m²)`,
      { parameter: 'geometry', outsideCityM2: row.outside_city_m2, bbox: row.bbox },
    );
  return {
    ewkb: row.ewkb,
    geojson: row.geojson,
    areaM2: row.area_m2,
    crs,
    repaired: !row.valid,
    repairReason: row.valid ? null : row.reason,
  };
}

// Checks a department's drawing in PostGIS before anything is written: GeoJSON of any geometry type in
// EPSG:4490 (longitude first), not empty, valid (an invalid one is refused with PostGIS's reason, not
// repaired: a drawn condition must mean what was drawn), and on the earth.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { invalid } from './planning-error';

const OPINION_GEOMETRY = readFileSync(path.join(__dirname, 'opinion-geometry.sql'), 'utf8');

const CGCS2000 = ['EPSG:4490', 'urn:ogc:def:crs:EPSG::4490', 'urn:ogc:def:crs:OGC:1.3:CRS84'];

interface Row {
  empty: boolean;
  valid: boolean;
  reason: string | null;
  on_earth: boolean;
  type: string;
}

/** The GeoJSON text to store, or an `invalid` error naming `geometry`. */
export async function checkOpinionGeometry(
  sequelize: Sequelize,
  geometry: Record<string, unknown>,
): Promise<string> {
  const crs = (geometry.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (crs !== undefined && !CGCS2000.includes(String(crs)))
    throw invalid(`图形须为EPSG:4490经纬度坐标，收到${String(crs)} / geometry must be in EPSG:4490`, {
      parameter: 'geometry',
      crs,
    });
  const plain = { ...geometry };
  delete plain.crs;
  const text = JSON.stringify(plain);
  let row: Row | undefined;
  try {
    [row] = await sequelize.query<Row>(OPINION_GEOMETRY, { bind: [text], type: QueryTypes.SELECT });
  } catch (error) {
    throw invalid(`无法读取图形 / geometry cannot be read: ${(error as Error).message}`, {
      parameter: 'geometry',
    });
  }
  if (!row || row.empty) throw invalid('图形为空 / geometry is empty', { parameter: 'geometry' });
  if (!row.valid)
    throw invalid(`图形无效：${row.reason ?? ''} / geometry is invalid: ${row.reason ?? ''}`, {
      parameter: 'geometry',
      reason: row.reason,
    });
  if (!row.on_earth)
    throw invalid(
      '图形坐标超出经纬度范围，请检查坐标轴顺序（经度在前） / geometry coordinates are off the earth (longitude first)',
      { parameter: 'geometry' },
    );
  return text;
}

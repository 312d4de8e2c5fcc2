// Fixtures for import tests, made at test time: GeoJSON sources with Chinese attributes near Ürümqi,
// converted into other formats by GDAL's ogr2ogr (a tool we did not write), and fresh layers to import into.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Pool } from 'pg';
import { createLayer, type AttributeDefinition } from '../../layers';

export const PARCEL_SCHEMA: AttributeDefinition[] = [
  { name: 'code', label: '编号', type: 'string', required: true, key: true },
  { name: 'name', label: '名称', type: 'string', required: true },
  { name: 'land_use_code', label: '用地代码', type: 'string', codeList: 'land_use_2023' },
  { name: 'far', label: '容积率', type: 'number' },
];

const NAMES = [
  '生态保护红线区',
  '永久基本农田保护区',
  '城镇住宅用地',
  '商业服务业用地',
  '公园绿地',
  '水源涵养区',
];
const USES = ['0701', '0901', '1401', '100101', '0804'];

/** `count` non-overlapping squares (about 50-150 m wide) in rows east of 87.55°E, 43.78°N. */
export function sourceParcels(
  count: number,
  options: { startLon?: number; startLat?: number } = {},
): FeatureCollection<Polygon> {
  const lon0 = options.startLon ?? 87.55;
  const lat0 = options.startLat ?? 43.78;
  const perRow = Math.ceil(Math.sqrt(count));
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => {
      const x = lon0 + (i % perRow) * 0.003;
      const y = lat0 + Math.floor(i / perRow) * 0.002;
      const size = 0.0007 + (i % 7) * 0.0002;
      return {
        type: 'Feature',
        properties: {
          code: `DK-${String(i + 1).padStart(5, '0')}`,
          name: `${NAMES[i % NAMES.length]}${i + 1}号`,
          land_use_code: USES[i % USES.length],
          far: 1 + (i % 30) / 10,
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + size, y],
              [x + size, y + size * 0.7],
              [x, y + size * 0.7],
              [x, y],
            ],
          ],
        },
      };
    }),
  };
}

export function workDir(prefix = 'import-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

export function ogr2ogr(args: string[]): void {
  execFileSync('ogr2ogr', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function freshLayer(
  pool: Pool,
  options: { geometryType?: string; attributeSchema?: AttributeDefinition[]; prefix?: string } = {},
): Promise<string> {
  const code = `${options.prefix ?? 'import_test'}_${randomBytes(4).toString('hex')}`;
  await createLayer(pool, {
    code,
    name: `导入测试图层 ${code}`,
    kind: 'reference',
    geometryType: options.geometryType ?? 'MultiPolygon',
    attributeSchema: options.attributeSchema ?? PARCEL_SCHEMA,
  });
  return code;
}

/** Per-feature ellipsoidal areas (m²) and attributes of the current version of a layer. */
export async function currentFeatures(
  pool: Pool,
  code: string,
): Promise<{ key: string | null; area: number; properties: Record<string, unknown> }[]> {
  const { rows } = await pool.query<{
    key: string | null;
    area: number;
    properties: Record<string, unknown>;
  }>(
    `SELECT f.feature_key AS key, ST_Area(f.geom::geography) AS area, f.properties
     FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = $1`,
    [code],
  );
  return rows;
}

/** Ellipsoidal areas of the source features, computed by PostGIS from the GeoJSON. */
export async function sourceAreas(
  pool: Pool,
  source: FeatureCollection<Polygon>,
): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ code: string; area: number }>(
    `SELECT f->'properties'->>'code' AS code, ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4490)::geography) AS area
     FROM jsonb_array_elements($1::jsonb) f`,
    [JSON.stringify(source.features)],
  );
  return new Map(rows.map((r) => [r.code, r.area]));
}

export async function versionCount(pool: Pool, code: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM layer_versions v JOIN layers l ON l.id = v.layer_id WHERE l.code = $1',
    [code],
  );
  return Number(rows[0]?.n);
}

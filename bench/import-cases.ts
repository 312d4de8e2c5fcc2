// Import benchmarks: a 100,000-polygon Shapefile (ours against ogr2ogr writing straight into PostGIS, the
// same file, the same database), and a 1 GiB GeoTIFF (ours against a bare gdalwarp to COG).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Pool } from 'pg';
import { createLayer } from '../layers';
import { measure } from './measure';

export interface BenchRow {
  name: string;
  ours: string;
  peer: string;
  ratio: number;
  note: string;
}

const ROOT = path.resolve(__dirname, '..');

async function writeParcels(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('{"type":"FeatureCollection","features":[\n');
  const perRow = Math.ceil(Math.sqrt(count));
  for (let i = 0; i < count; i++) {
    const x = 87.3 + (i % perRow) * 0.0015;
    const y = 43.6 + Math.floor(i / perRow) * 0.001;
    const f = {
      type: 'Feature',
      properties: { code: `DK-${i}`, name: `地块${i}号`, land_use_code: '0701', far: 2.5 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.001, y],
            [x + 0.001, y + 0.0007],
            [x + 0.0004, y + 0.0009],
            [x, y + 0.0007],
            [x, y],
          ],
        ],
      },
    };
    if (!out.write(`${i ? ',' : ''}${JSON.stringify(f)}\n`)) await once(out, 'drain');
  }
  out.end(']}\n');
  await once(out, 'finish');
}

function importCommand(file: string, layer: string, databaseUrl: string, dataDir: string) {
  return measure(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/import.ts'), file, '--layer', layer],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ONE_BLUEPRINT_DATA_DIR: dataDir,
    },
  );
}

function pgConnection(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  return `PG:host=${u.hostname} port=${u.port} dbname=${u.pathname.slice(1)} user=${decodeURIComponent(u.username)} password=${decodeURIComponent(u.password)}`;
}

export async function shapefileImport(pool: Pool, databaseUrl: string, work: string): Promise<BenchRow> {
  const count = 100_000;
  const geojson = path.join(work, 'parcels.geojson');
  await writeParcels(geojson, count);
  const shp = path.join(work, 'shp');
  rmSync(shp, { recursive: true, force: true });
  execFileSync('ogr2ogr', [
    '-f',
    'ESRI Shapefile',
    shp,
    geojson,
    '-nln',
    'parcels',
    '-s_srs',
    'EPSG:4490',
    '-t_srs',
    'EPSG:4538',
    '-lco',
    'ENCODING=CP936',
  ]);
  const layer = `bench_parcels_${Date.now()}`;
  await createLayer(pool, { code: layer, name: '基准测试地块', kind: 'plan', geometryType: 'MultiPolygon' });
  const ours = importCommand(path.join(shp, 'parcels.shp'), layer, databaseUrl, work);
  const peer = measure('ogr2ogr', [
    '-f',
    'PostgreSQL',
    pgConnection(databaseUrl),
    path.join(shp, 'parcels.shp'),
    '-nln',
    `peer_${layer}`,
    '-t_srs',
    'EPSG:4490',
    '-nlt',
    'PROMOTE_TO_MULTI',
    '-lco',
    'GEOMETRY_NAME=geom',
    '-lco',
    'SPATIAL_INDEX=GIST',
    '--config',
    'PG_USE_COPY',
    'YES',
  ]);
  await pool.query(`DROP TABLE IF EXISTS "peer_${layer}"`);
  return {
    name: `Shapefile ${count.toLocaleString('en')} polygons (GK zone, GBK), import`,
    ours: `${ours.seconds.toFixed(1)} s, peak ${ours.peakRssMiB.toFixed(0)} MiB`,
    peer: `${peer.seconds.toFixed(1)} s, peak ${peer.peakRssMiB.toFixed(0)} MiB (ogr2ogr → PostGIS, no checks)`,
    ratio: ours.seconds / peer.seconds,
    note: 'target < 60 s and < 1 GiB; ours adds CRS decision, validation report, versioning in one transaction',
  };
}

export async function geotiffImport(pool: Pool, databaseUrl: string, work: string): Promise<BenchRow> {
  const tif = path.join(work, 'scene-1gib.tif');
  // 3 bands × 19,000 × 19,000 bytes ≈ 1.0 GiB uncompressed, tiled, in a GK zone
  execFileSync('gdal_create', [
    '-q',
    '-of',
    'GTiff',
    '-outsize',
    '19000',
    '19000',
    '-bands',
    '3',
    '-ot',
    'Byte',
    '-burn',
    '100',
    '-burn',
    '120',
    '-burn',
    '90',
    '-co',
    'TILED=YES',
    '-a_srs',
    'EPSG:4538',
    '-a_ullr',
    '520000',
    '4880000',
    '577000',
    '4823000',
    tif,
  ]);
  const sizeGiB = statSync(tif).size / 1024 ** 3;
  const layer = `bench_imagery_${Date.now()}`;
  await createLayer(pool, { code: layer, name: '基准测试影像', kind: 'imagery', geometryType: 'Raster' });
  const ours = importCommand(tif, layer, databaseUrl, work);
  const peerOut = path.join(work, 'peer.tif');
  const peer = measure('gdalwarp', [
    '-q',
    '-overwrite',
    '-t_srs',
    'EPSG:4490',
    '-r',
    'bilinear',
    '-wm',
    '256',
    '-multi',
    '-wo',
    'NUM_THREADS=2',
    '-of',
    'COG',
    '-co',
    'COMPRESS=JPEG',
    '-co',
    'QUALITY=85',
    '-co',
    'BIGTIFF=IF_SAFER',
    tif,
    peerOut,
  ]);
  rmSync(tif, { force: true });
  rmSync(peerOut, { force: true });
  return {
    name: `GeoTIFF ${sizeGiB.toFixed(2)} GiB → COG in EPSG:4490, import`,
    ours: `${ours.seconds.toFixed(1)} s, peak ${ours.peakRssMiB.toFixed(0)} MiB`,
    peer: `${peer.seconds.toFixed(1)} s, peak ${peer.peakRssMiB.toFixed(0)} MiB (bare gdalwarp)`,
    ratio: ours.seconds / peer.seconds,
    note: 'peak memory far below the file size: the image is never loaded whole',
  };
}

export function benchWorkDir(dataDir: string): string {
  const dir = path.join(dataDir, 'bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

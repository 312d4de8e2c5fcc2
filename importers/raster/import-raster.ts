// Imports GeoTIFF imagery: warped to EPSG:4490 into a Cloud-Optimized GeoTIFF (tiled, JPEG, overviews) by
// GDAL in bounded memory, never loading the image whole, then registered as a new version of the layer
// in one transaction. The file is written under a temporary name and renamed only once it is complete.
import { spawn } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import { beginVersion, publishVersion, type LayerRecord } from '../../layers';
import { rasterInfo, WARP_TO_COG_ARGS } from '../gdal/cloud-optimized-geotiff';
import { GDAL_DRIVERS, gdalDatasetPath, gdalEnvironment } from '../gdal/gdal-environment';
import { runGdal } from '../gdal/run-gdal';
import { ImportError } from '../import-error';
import type { ImportFeaturesOptions, ImportResult } from '../pipeline/import-features';
import type { ValidationReport } from '../pipeline/validation-report';

async function warp(args: string[], onPercent: (p: number) => void): Promise<void> {
  const env = await gdalEnvironment(GDAL_DRIVERS.warpToCog);
  return new Promise((resolve, reject) => {
    const child = spawn('gdalwarp', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      const numbers = d.toString().match(/\d+(?=\.\.\.|\s*-\s*done)/g);
      if (numbers) onPercent(Number(numbers[numbers.length - 1]));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new ImportError(
              'unreadable_file',
              `影像转换失败 / the image could not be converted: ${stderr.trim().split('\n').pop() ?? code}`,
              {},
            ),
          ),
    );
  });
}

export async function importRaster(
  pool: Pool,
  layer: LayerRecord,
  file: string,
  crs: { source: string } | null,
  report: ValidationReport,
  rasterDir: string,
  options: ImportFeaturesOptions = {},
): Promise<ImportResult> {
  if (layer.geometryType !== 'Raster') {
    throw new ImportError(
      'geometry_type_mismatch',
      `图层“${layer.code}”不是影像图层 / layer ${layer.code} is not an imagery layer`,
      { layer: layer.code },
    );
  }
  const progress = options.onProgress ?? (() => undefined);
  const dataset = gdalDatasetPath(file);
  // the upload was checked to be a TIFF (open-source.ts); only the GTiff driver may open it
  const info = JSON.parse(
    await runGdal('gdalinfo', ['-json', '-if', 'GTiff', dataset], GDAL_DRIVERS.geoTiff).catch(() => {
      throw new ImportError('unreadable_file', 'GDAL无法读取该影像 / GDAL cannot read the image', {});
    }),
  ) as { coordinateSystem?: { wkt?: string } };
  if (!crs && !info.coordinateSystem?.wkt) {
    throw new ImportError(
      'crs_not_detected',
      '影像没有坐标系信息，请用srs参数指定 / the image has no CRS: give --srs',
      {},
    );
  }
  await mkdir(rasterDir, { recursive: true });
  const partial = path.join(rasterDir, `.${layer.code}-${process.pid}-${Date.now()}.tif.partial`);
  try {
    progress('坐标转换', 0, 100);
    await warp(
      [...(crs ? ['-s_srs', crs.source] : []), '-if', 'GTiff', ...WARP_TO_COG_ARGS, dataset, partial],
      (p) => progress('坐标转换', p, 100),
    );
    const result = await rasterInfo(partial);
    options.signal?.throwIfAborted();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { versionId, versionNo } = await beginVersion(client, layer.id, options);
      const final = path.join(rasterDir, `${layer.code}-v${versionNo}.tif`);
      const [west, south, east, north] = result.extent;
      await client.query(
        `INSERT INTO layer_rasters (layer_version_id, file_path, width_px, height_px, band_count, ground_resolution_m, extent)
         VALUES ($1, $2, $3, $4, $5,
           ST_Length(ST_SetSRID(ST_MakeLine(ST_MakePoint($6, $7), ST_MakePoint($8, $7)), 4490)::geography) / $3::int,
           ST_MakeEnvelope($6, $7, $8, $9, 4490))`,
        [versionId, final, result.widthPx, result.heightPx, result.bandCount, west, south, east, north],
      );
      await client.query(
        'UPDATE layer_versions SET extent = ST_MakeEnvelope($2, $3, $4, $5, 4490) WHERE id = $1',
        [versionId, west, south, east, north],
      );
      report.counts.read = 1;
      report.counts.loaded = 1;
      options.signal?.throwIfAborted();
      await publishVersion(client, layer.id, versionId, 1, report, {
        publishedBy: options.createdBy ?? null,
      });
      await rename(partial, final);
      await client.query('COMMIT');
      return { layer: layer.code, versionId, versionNo, featureCount: 1, report };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await rm(partial, { force: true });
  }
}

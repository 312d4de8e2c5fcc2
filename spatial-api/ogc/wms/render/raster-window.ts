// The window of an imagery layer's COG that a map frame shows, warped by gdalwarp to the map's CRS and
// size (the fitting overview chosen by GDAL), as an RGBA PNG transparent where there is no image. The
// gdalwarp runs in the server's bounded process pool and is killed when the request's signal fires.
import path from 'node:path';
import { GDAL_DRIVERS, gdalEnvironment } from '../../../../importers';
import type { ChildProcessPool } from '../../../child-process-pool';
import { OgcException } from '../../ogc-exception';
import type { MapFrame } from './feature-query';

export interface WarpOptions {
  /** the gdalwarp children shared by every request */
  processes: ChildProcessPool;
  /** fires when the request is aborted or passes its rendering deadline */
  signal?: AbortSignal;
}

/** The raster file of a layer version, which must lie inside the raster folder the server owns. */
export function rasterFile(rasterDir: string, filePath: string): string {
  const root = path.resolve(rasterDir);
  const file = path.resolve(root, filePath);
  if (path.relative(root, file).startsWith('..') || path.isAbsolute(path.relative(root, file))) {
    throw new OgcException(
      'NoApplicableCode',
      'LAYERS',
      `影像文件不在影像目录中 / the imagery file ${filePath} lies outside the raster folder ${root}`,
      500,
    );
  }
  return file;
}

export async function readRasterWindow(
  file: string,
  frame: MapFrame,
  { processes, signal }: WarpOptions,
): Promise<Buffer> {
  const [minX, minY, maxX, maxY] = frame.bbox;
  // our own COGs, still opened by the GTiff driver only, in GDAL's safe environment (no VRT, no network)
  const env = await gdalEnvironment(GDAL_DRIVERS.warpToPng);
  // gdalwarp takes -te in the traditional GIS order (x = easting / longitude) whatever the CRS's axes
  const args = [
    '-q',
    '-if',
    'GTiff',
    '-of',
    'PNG',
    '-t_srs',
    `EPSG:${frame.srid}`,
    '-te',
    String(minX),
    String(minY),
    String(maxX),
    String(maxY),
    '-ts',
    String(frame.width),
    String(frame.height),
    '-r',
    'bilinear',
    '-dstalpha',
    '--config',
    'GDAL_PAM_ENABLED',
    'NO',
    file,
    '/vsistdout/',
  ];
  const result = await processes.run('gdalwarp', args, { signal, env }).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    throw new OgcException(
      'NoApplicableCode',
      'LAYERS',
      `无法读取影像 / cannot run gdalwarp: ${error instanceof Error ? error.message : String(error)}`,
      500,
    );
  });
  if (result.code === 0) return result.stdout;
  const reason =
    result.stderr.trim() || (result.signal ? `stopped by ${result.signal}` : `exit ${result.code}`);
  throw new OgcException(
    'NoApplicableCode',
    'LAYERS',
    `无法读取影像 / reading the imagery failed: ${reason}`,
    500,
  );
}

// The window of an imagery layer's COG that a map frame shows, warped by gdalwarp to the map's CRS and
// size (the fitting overview chosen by GDAL), as an RGBA PNG transparent where there is no image.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { GDAL_DRIVERS, gdalEnvironment } from '../../../../importers';
import { OgcException } from '../../ogc-exception';
import type { MapFrame } from './feature-query';

const GDALWARP_TIMEOUT_MS = 30_000;

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

export async function readRasterWindow(file: string, frame: MapFrame): Promise<Buffer> {
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
  return new Promise((resolve, reject) => {
    const child = spawn('gdalwarp', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: GDALWARP_TIMEOUT_MS,
      env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(
        new OgcException(
          'NoApplicableCode',
          'LAYERS',
          `无法读取影像 / cannot run gdalwarp: ${error.message}`,
          500,
        ),
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve(Buffer.concat(out));
        return;
      }
      const reason =
        Buffer.concat(err).toString('utf8').trim() || (signal ? `stopped by ${signal}` : `exit ${code}`);
      reject(
        new OgcException(
          'NoApplicableCode',
          'LAYERS',
          `无法读取影像 / reading the imagery failed: ${reason}`,
          500,
        ),
      );
    });
  });
}

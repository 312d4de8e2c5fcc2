// Turns a georeferenced RGB pixel buffer into a Cloud-Optimized GeoTIFF in EPSG:4490 (tiled, with
// overviews), the form the tile and WMS services read without loading the whole image.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GDAL_DRIVERS, gdalDatasetPath } from './gdal-environment';
import { runGdal } from './run-gdal';

/**
 * gdalwarp arguments that write a Cloud-Optimized GeoTIFF in EPSG:4490 in bounded memory: JPEG tiles,
 * overviews, a 256 MB warp buffer and cache, two threads, BigTIFF when the output may pass 4 GB.
 */
export const WARP_TO_COG_ARGS = [
  '-t_srs',
  'EPSG:4490',
  '-r',
  'bilinear',
  '-wm',
  '256',
  '--config',
  'GDAL_CACHEMAX',
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
  'OVERVIEWS=AUTO',
  '-co',
  'BIGTIFF=IF_SAFER',
];

export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export interface RasterInfo {
  widthPx: number;
  heightPx: number;
  bandCount: number;
  /** [minLon, minLat, maxLon, maxLat] */
  extent: [number, number, number, number];
}

/**
 * @param upperLeftLowerRight the image corners in `sourceSrs`: [ulx, uly, lrx, lry]
 */
export async function writeCloudOptimizedGeoTiff(
  image: RgbImage,
  sourceSrs: string,
  upperLeftLowerRight: [number, number, number, number],
  outputPath: string,
): Promise<RasterInfo> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'one-blueprint-raster-'));
  try {
    const ppm = path.join(work, 'image.ppm');
    const header = Buffer.from(`P6\n${image.width} ${image.height}\n255\n`, 'ascii');
    await writeFile(
      ppm,
      Buffer.concat([header, Buffer.from(image.rgb.buffer, image.rgb.byteOffset, image.rgb.byteLength)]),
    );
    const placed = path.join(work, 'placed.tif');
    await runGdal(
      'gdal_translate',
      ['-q', '-of', 'GTiff', '-a_srs', sourceSrs, '-a_ullr', ...upperLeftLowerRight.map(String), ppm, placed],
      GDAL_DRIVERS.pixmapToGeoTiff,
    );
    await rm(outputPath, { force: true });
    await runGdal(
      'gdalwarp',
      ['-q', '-if', 'GTiff', ...WARP_TO_COG_ARGS, placed, outputPath],
      GDAL_DRIVERS.warpToCog,
    );
    return await rasterInfo(outputPath);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function rasterInfo(file: string): Promise<RasterInfo> {
  const info = JSON.parse(
    await runGdal('gdalinfo', ['-json', '-if', 'GTiff', gdalDatasetPath(file)], GDAL_DRIVERS.geoTiff),
  ) as {
    size: [number, number];
    bands: unknown[];
    cornerCoordinates: { upperLeft: [number, number]; lowerRight: [number, number] };
  };
  const { upperLeft, lowerRight } = info.cornerCoordinates;
  return {
    widthPx: info.size[0],
    heightPx: info.size[1],
    bandCount: info.bands.length,
    extent: [upperLeft[0], lowerRight[1], lowerRight[0], upperLeft[1]],
  };
}

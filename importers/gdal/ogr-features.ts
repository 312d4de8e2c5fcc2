// Streams the features of a vector source through ogr2ogr, reprojected to EPSG:4490, as GeoJSON: GDAL's
// GeoJSON writer puts one feature per line, which is read line by line in constant memory. Every feature
// comes out, in file order: one without geometry, or whose geometry cannot be converted (-skipfailures
// writes it without), with a null geometry, for the checks to report by its number.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Feature } from 'geojson';
import { ImportError } from '../import-error';
import type { SourceFeature } from '../pipeline/source-feature';
import { gdalArgs, type GdalAccess } from './ogr-inspect';

export interface ReadOptions extends GdalAccess {
  layer?: string;
  /** source CRS (EPSG code or WKT) */
  sourceCrs: string;
  /** an OGR SQL filter, e.g. on OGR_GEOMETRY */
  where?: string;
}

export async function* readVectorFeatures(path: string, options: ReadOptions): AsyncGenerator<SourceFeature> {
  const args = [
    ...gdalArgs(options),
    '-f',
    'GeoJSON',
    '/vsistdout/',
    path,
    ...(options.layer ? [options.layer] : []),
    ...(options.where ? ['-where', options.where] : []),
    '-s_srs',
    options.sourceCrs,
    '-t_srs',
    'EPSG:4490',
    '-skipfailures',
    '-dim',
    'XY',
    '-lco',
    'RFC7946=NO',
    '-lco',
    'WRITE_NAME=NO',
    '-lco',
    'COORDINATE_PRECISION=9',
  ];
  const child = spawn('ogr2ogr', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.startsWith('{ "type": "Feature"')) continue;
      const feature = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Feature;
      yield { properties: (feature.properties ?? {}) as Record<string, unknown>, geometry: feature.geometry };
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0 && code !== null) {
    const detail =
      stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('Warning'))
        .pop() ?? `exit code ${code}`;
    throw new ImportError(
      'unreadable_file',
      `GDAL读取或转换失败 / GDAL could not read or transform the file: ${detail}`,
      {},
    );
  }
}

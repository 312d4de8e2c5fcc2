// The extent of every feature of a vector source in its own coordinates, in file order (null for a
// feature without geometry), read through ogr2ogr without reprojection in constant memory per feature:
// the evidence the CRS is decided from, and the numbering every later check and the report keep to.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Feature } from 'geojson';
import { geometrySummary, type Extent } from '../crs/coordinate-ranges';
import { ImportError } from '../import-error';
import { tooManyVertices } from '../pipeline/check-geometry';
import { gdalArgs, type GdalAccess } from './ogr-inspect';

export interface ExtentOptions extends GdalAccess {
  layer?: string;
  /** an OGR SQL filter, e.g. on OGR_GEOMETRY: the same one the features are read with */
  where?: string;
  /** a feature with more vertices stops the reading (it would stop the import anyway) */
  maxVertices: number;
}

export async function readFeatureExtents(
  path: string,
  options: ExtentOptions,
  onProgress: (read: number) => void = () => undefined,
): Promise<(Extent | null)[]> {
  const args = [
    ...gdalArgs(options),
    '-f',
    'GeoJSON',
    '/vsistdout/',
    path,
    ...(options.layer ? [options.layer] : []),
    ...(options.where ? ['-where', options.where] : []),
    '-dim',
    'XY',
    '-lco',
    'RFC7946=NO',
    '-lco',
    'WRITE_NAME=NO',
  ];
  const child = spawn('ogr2ogr', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const extents: (Extent | null)[] = [];
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.startsWith('{ "type": "Feature"')) continue;
      const feature = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Feature;
      const { extent, vertices } = geometrySummary(feature.geometry);
      if (vertices > options.maxVertices)
        throw tooManyVertices(extents.length + 1, vertices, options.maxVertices);
      extents.push(extent);
      if (extents.length % 2000 === 0) onProgress(extents.length);
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
      `GDAL无法读取该文件 / GDAL could not read the file: ${detail}`,
      {},
    );
  }
  return extents;
}

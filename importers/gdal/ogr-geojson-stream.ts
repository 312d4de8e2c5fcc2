// A vector source's features streamed through ogr2ogr as GeoJSON, one feature per line, read line by line in
// constant memory, in the safe GDAL environment (only the source's drivers, no VRT, no network). A failure of
// ogr2ogr ends the stream with an import error carrying GDAL's last message.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Feature } from 'geojson';
import { ImportError } from '../import-error';
import { gdalDatasetPath, gdalEnvironment, gdalLayerName } from './gdal-environment';
import { gdalArgs, type GdalAccess } from './ogr-inspect';

export interface OgrSelection extends GdalAccess {
  layer?: string;
  /** an OGR SQL filter, e.g. on OGR_GEOMETRY */
  where?: string;
}

/** `extraArgs` go after the source (e.g. -s_srs/-t_srs); `failure` opens the error message. */
export async function* ogrGeoJsonFeatures(
  path: string,
  selection: OgrSelection,
  extraArgs: string[],
  failure: string,
): AsyncGenerator<Feature> {
  const args = [
    ...gdalArgs(selection),
    '-f',
    'GeoJSON',
    '/vsistdout/',
    gdalDatasetPath(path),
    ...(selection.layer ? [gdalLayerName(selection.layer)] : []),
    ...(selection.where ? ['-where', selection.where] : []),
    ...extraArgs,
    '-dim',
    'XY',
    '-lco',
    'RFC7946=NO',
    '-lco',
    'WRITE_NAME=NO',
  ];
  const env = await gdalEnvironment([...selection.drivers, 'GeoJSON']);
  const child = spawn('ogr2ogr', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.startsWith('{ "type": "Feature"')) continue;
      yield JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Feature;
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
    throw new ImportError('unreadable_file', `${failure}: ${detail}`, {});
  }
}

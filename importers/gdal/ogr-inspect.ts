// What GDAL's ogrinfo says of a vector source: its layers, feature counts, extents and declared CRS,
// and which EPSG code that CRS is (gdalsrsinfo -e).
import type { Extent } from '../crs/coordinate-ranges';
import { ImportError } from '../import-error';
import { GDAL_DRIVERS, gdalDatasetPath } from './gdal-environment';
import { runGdal } from './run-gdal';

export interface VectorLayerInfo {
  name: string;
  geometry: string;
  featureCount: number | null;
  extent: Extent | null;
  /** the declared CRS as WKT, undefined when the source declares none */
  srsWkt?: string;
}

export interface GdalAccess {
  /** the only GDAL drivers that may open the source, e.g. ["GPKG"] */
  drivers: readonly string[];
  openOptions?: string[];
  configOptions?: [string, string][];
}

export function gdalArgs(access: GdalAccess): string[] {
  return [
    ...(access.configOptions ?? []).flatMap(([k, v]) => ['--config', k, v]),
    ...(access.openOptions ?? []).flatMap((o) => ['-oo', o]),
  ];
}

function parseLayers(text: string): VectorLayerInfo[] {
  return text
    .split(/\n(?=Layer name: )/)
    .filter((block) => block.startsWith('Layer name: ') || block.includes('\nLayer name: '))
    .map((block) => {
      const body = block.slice(block.indexOf('Layer name: '));
      const line = (label: string) => body.match(new RegExp(`^${label}: (.*)$`, 'm'))?.[1]?.trim();
      const extent = line('Extent')?.match(/\(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/);
      const wkt = body.match(/Layer SRS WKT:\n([\s\S]*?)\n(?=Data axis|\S[^\n]*: |$)/)?.[1]?.trim();
      const count = Number(line('Feature Count'));
      return {
        name: line('Layer name') ?? '',
        geometry: line('Geometry') ?? 'Unknown',
        featureCount: Number.isFinite(count) && count >= 0 ? count : null,
        extent: extent
          ? {
              minX: Number(extent[1]),
              minY: Number(extent[2]),
              maxX: Number(extent[3]),
              maxY: Number(extent[4]),
            }
          : null,
        ...(wkt && wkt !== '(unknown)' ? { srsWkt: wkt } : {}),
      };
    });
}

export async function inspectVector(path: string, access: GdalAccess): Promise<VectorLayerInfo[]> {
  const dataset = gdalDatasetPath(path);
  let text: string;
  try {
    text = await runGdal('ogrinfo', [...gdalArgs(access), '-ro', '-so', '-al', dataset], access.drivers);
  } catch (error) {
    throw new ImportError(
      'unreadable_file',
      `GDAL无法读取该文件 / GDAL cannot read the file: ${(error as Error).message}`,
      {},
    );
  }
  return parseLayers(text);
}

/** The EPSG code GDAL finds for a CRS definition, or undefined when it finds none. */
export async function identifyEpsg(wkt: string): Promise<number | undefined> {
  try {
    const out = await runGdal('gdalsrsinfo', ['-e', '-o', 'epsg', wkt], GDAL_DRIVERS.crsOnly);
    const code = Number(out.match(/EPSG:(-?\d+)/)?.[1]);
    return Number.isInteger(code) && code > 0 ? code : undefined;
  } catch {
    return undefined;
  }
}

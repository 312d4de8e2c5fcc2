// The reading half of a vector import, shared by the import pipeline and by callers that only want the
// geometries of a file (a project's site): pick the source layer, decide the CRS from what the file declares
// and where its coordinates lie, and pair each converted feature with its extent in the source's coordinates.
import type { Extent } from '../crs/coordinate-ranges';
import { decideCrs, fitsCrs, type CrsDecision } from '../crs/decide-crs';
import { crsFixedByFormat } from '../crs/fixed-by-format';
import { identifyEpsg, type VectorLayerInfo } from '../gdal/ogr-inspect';
import { ImportError } from '../import-error';
import type { VectorSource } from '../sources/source';
import type { SourceFeature } from './source-feature';

/** What a vector read needs to be told beyond the file. */
export interface VectorReadOptions {
  srs?: string;
  /** central meridian of the city's Gauss-Krüger zone, for coordinates without a zone prefix */
  cityCentralMeridian?: number;
}

export function pickLayer(
  layers: VectorLayerInfo[],
  wanted: string | undefined,
  fileName: string,
): VectorLayerInfo {
  if (wanted) {
    const found = layers.find((l) => l.name === wanted);
    if (!found) {
      throw new ImportError(
        'unknown_source_layer',
        `文件中没有图层“${wanted}”，可选：${layers.map((l) => l.name).join('、')} / no layer "${wanted}" in the file`,
        {
          parameter: 'sourceLayer',
          available: layers.map((l) => l.name),
        },
      );
    }
    return found;
  }
  const withFeatures = layers.find((l) => (l.featureCount ?? 1) > 0 && l.geometry !== 'None');
  if (!withFeatures)
    throw new ImportError('empty_file', `文件中没有要素：${fileName} / the file has no features`, {
      file: fileName,
    });
  return withFeatures;
}

export async function vectorCrs(
  source: VectorSource,
  info: VectorLayerInfo,
  extents: (Extent | null)[],
  options: VectorReadOptions,
): Promise<CrsDecision> {
  const declaredWkt = source.ignoreGdalCrs ? undefined : info.srsWkt;
  const declaredEpsg = declaredWkt ? await identifyEpsg(declaredWkt) : undefined;
  const fixedByFormat = crsFixedByFormat(source.format, source.declarationPresent);
  return decideCrs({
    ...(options.srs ? { given: options.srs } : {}),
    ...(fixedByFormat ? { fixedByFormat } : {}),
    ...(declaredEpsg !== undefined ? { declaredEpsg } : {}),
    ...(declaredWkt && declaredEpsg === undefined ? { declaredWkt } : {}),
    declarationPresent: source.declarationPresent && !source.ignoreGdalCrs,
    extents: extents.filter((e): e is Extent => e !== null),
    cityCentralMeridian: options.cityCentralMeridian ?? 87,
  });
}

/**
 * Pairs each converted feature with its extent in the source's coordinates (read before, in the same
 * order), so that a feature GDAL could not convert is told from one without geometry. The two readings
 * must see the same features.
 */
export async function* withSourceExtents(
  features: AsyncIterable<SourceFeature>,
  extents: (Extent | null)[],
  crs: CrsDecision,
): AsyncGenerator<SourceFeature> {
  let i = 0;
  for await (const feature of features) {
    const extent = extents[i++];
    if (extent === undefined) break;
    yield { ...feature, source: { extent, fitsCrs: extent === null || fitsCrs(crs.code, extent) } };
  }
  if (i !== extents.length) {
    throw new ImportError(
      'unreadable_file',
      `GDAL两次读取该文件得到的要素数不同（${extents.length}与${i}） / GDAL read ${extents.length} and then ${i} features from the file`,
      { first: extents.length, second: i },
    );
  }
}

// The polygons of a file, read through the import pipeline's reading half (the same formats, encodings and
// CRS decision as an import) without writing a layer: for a project's site drawn in a file. Every feature
// must be a readable polygon; anything else refuses the file with the features' numbers.
import type { MultiPolygon, Polygon } from 'geojson';
import type { TextEncodingName } from './encoding/detect-encoding';
import { readFeatureExtents } from './gdal/ogr-feature-extents';
import { readVectorFeatures } from './gdal/ogr-features';
import { inspectVector } from './gdal/ogr-inspect';
import { ImportError } from './import-error';
import { DEFAULT_MAX_VERTICES } from './pipeline/check-geometry';
import type { SourceFeature } from './pipeline/source-feature';
import { pickLayer, vectorCrs, withSourceExtents } from './pipeline/vector-reading';
import { openSource } from './sources/open-source';

export interface ReadPolygonsOptions {
  /** the name the user gave the file: its extension decides the format */
  fileName: string;
  srs?: string;
  encoding?: TextEncodingName;
  sourceLayer?: string;
  /** more features than this refuse the file */
  maxFeatures?: number;
}

export interface FilePolygons {
  format: string;
  /** the CRS the file was read in, and how it was decided */
  crs: { code: string; how: string; note: string | null };
  /** in EPSG:4490, in file order */
  polygons: (Polygon | MultiPolygon)[];
}

const DEFAULT_MAX_FEATURES = 1000;

interface Refusal {
  feature: number;
  message: string;
}

function refusalOf(feature: SourceFeature, ordinal: number): Refusal | undefined {
  if (feature.problem) return { feature: ordinal, message: feature.problem.message };
  if (feature.source && !feature.source.fitsCrs)
    return { feature: ordinal, message: '坐标超出所判定坐标系的范围 / coordinates out of range for the CRS' };
  const type = feature.geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return {
      feature: ordinal,
      message: `不是面要素（${type ?? '无几何'}） / not a polygon (${type ?? 'no geometry'})`,
    };
  return undefined;
}

async function collect(
  features: AsyncIterable<SourceFeature> | Iterable<SourceFeature>,
  maxFeatures: number,
): Promise<(Polygon | MultiPolygon)[]> {
  const polygons: (Polygon | MultiPolygon)[] = [];
  const refused: Refusal[] = [];
  let ordinal = 0;
  for await (const feature of features) {
    ordinal++;
    if (ordinal > maxFeatures)
      throw new ImportError(
        'too_many_features',
        `文件要素超过${maxFeatures}个 / more than ${maxFeatures} features in the file`,
        {
          parameter: 'file',
          maxFeatures,
        },
      );
    const refusal = refusalOf(feature, ordinal);
    if (refusal) refused.push(refusal);
    else polygons.push(feature.geometry as Polygon | MultiPolygon);
  }
  if (refused.length > 0)
    throw new ImportError(
      'not_polygons',
      `文件中有${refused.length}个要素不能作为用地范围，首个：第${refused[0]!.feature}个要素，${refused[0]!.message} / ${refused.length} feature(s) cannot be part of a site`,
      { parameter: 'file', features: refused.slice(0, 20) },
    );
  if (polygons.length === 0)
    throw new ImportError('empty_file', '文件中没有面要素 / the file has no polygons', { parameter: 'file' });
  return polygons;
}

export async function readPolygons(file: string, options: ReadPolygonsOptions): Promise<FilePolygons> {
  const maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const source = await openSource(file, options.fileName, {
    geometryType: 'MultiPolygon',
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  try {
    if (source.kind === 'raster')
      throw new ImportError('unsupported_format', '影像文件不能作为用地范围 / an image cannot be a site', {
        parameter: 'file',
      });
    if (source.kind === 'parsed') {
      return {
        format: source.format,
        crs: { code: source.crs.code, how: 'declared', note: source.crs.note },
        polygons: await collect(source.features, maxFeatures),
      };
    }
    const info = pickLayer(
      await inspectVector(source.path, source.access),
      options.sourceLayer,
      options.fileName,
    );
    const selection = { layer: info.name, ...(source.where ? { where: source.where } : {}) };
    const extents = await readFeatureExtents(source.path, {
      ...source.access,
      ...selection,
      maxVertices: DEFAULT_MAX_VERTICES,
    });
    if (extents.length === 0)
      throw new ImportError('empty_file', '文件中没有要素 / the file has no features', { parameter: 'file' });
    if (extents.length > maxFeatures)
      throw new ImportError(
        'too_many_features',
        `文件要素超过${maxFeatures}个 / more than ${maxFeatures} features in the file`,
        {
          parameter: 'file',
          maxFeatures,
        },
      );
    const crs = await vectorCrs(source, info, extents, options.srs ? { srs: options.srs } : {});
    const features = withSourceExtents(
      readVectorFeatures(source.path, { ...source.access, ...selection, sourceCrs: crs.source }),
      extents,
      crs,
    );
    return {
      format: source.format,
      crs: { code: crs.code, how: crs.how, note: crs.note ?? null },
      polygons: await collect(features, maxFeatures),
    };
  } finally {
    await source.cleanup();
  }
}

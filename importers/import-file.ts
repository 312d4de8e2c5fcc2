// Imports one file into a layer as a new version, through the one pipeline: open the source, decide its
// CRS, read it reprojected to EPSG:4490, check it, load it in one transaction. Nothing is written when
// anything fails, and the layer keeps serving its previous version.
import type { Pool } from 'pg';
import { crsDefinition, type LayerRecord } from '../layers';
import type { TextEncodingName } from './encoding/detect-encoding';
import { readFeatureExtents } from './gdal/ogr-feature-extents';
import { inspectVector } from './gdal/ogr-inspect';
import { readVectorFeatures } from './gdal/ogr-features';
import { ImportError } from './import-error';
import {
  importFeatures,
  requireLayer,
  type ImportFeaturesOptions,
  type ImportResult,
} from './pipeline/import-features';
import {
  attributeMapping,
  coerceToSchema,
  renameAttributes,
  type AttributeMapping,
} from './pipeline/attribute-names';
import { addIssue, emptyReport, type ValidationReport } from './pipeline/validation-report';
import { DEFAULT_MAX_VERTICES } from './pipeline/check-geometry';
import type { SourceFeature } from './pipeline/source-feature';
import { importRaster } from './raster/import-raster';
import { openSource } from './sources/open-source';
import { pickLayer, vectorCrs, withSourceExtents } from './pipeline/vector-reading';

export interface ImportFileOptions extends ImportFeaturesOptions {
  layer: string;
  file: string;
  /** the name the user gave the file (an upload is stored under another name) */
  fileName?: string;
  srs?: string;
  encoding?: TextEncodingName;
  /** the layer inside a multi-layer source (GeoPackage, File Geodatabase, KML) */
  sourceLayer?: string;
  rasterDir: string;
  /** central meridian of the city's Gauss-Krüger zone, for coordinates without a zone prefix */
  cityCentralMeridian?: number;
}

/** Difference between declared and computed boundary areas above which the report warns. */
const AREA_CHECK_WARNING_PCT = 0.1;

/** Renames source attributes to the layer's names and keys each feature by the layer's key attribute. */
async function* withLayerAttributes(
  features: AsyncIterable<SourceFeature>,
  layer: LayerRecord,
  report: ValidationReport,
): AsyncGenerator<SourceFeature> {
  const keyAttribute = layer.attributeSchema.find((a) => a.key)?.name;
  let mapping: AttributeMapping | undefined;
  for await (const feature of features) {
    if (!mapping) {
      mapping = attributeMapping(Object.keys(feature.properties), layer.attributeSchema);
      if (Object.keys(mapping).length > 0) report.source.attributeMapping = mapping;
    }
    const properties = coerceToSchema(renameAttributes(feature.properties, mapping), layer.attributeSchema);
    const key = keyAttribute ? properties[keyAttribute] : undefined;
    yield {
      ...feature,
      properties,
      ...(key !== undefined && key !== null && key !== '' ? { key: String(key) } : {}),
    };
  }
}

export async function importFile(pool: Pool, options: ImportFileOptions): Promise<ImportResult> {
  const fileName = options.fileName ?? options.file;
  const layer = await requireLayer(pool, options.layer);
  const progress = options.onProgress ?? (() => undefined);
  progress('读取文件', 0, null);
  const source = await openSource(options.file, fileName, {
    geometryType: layer.geometryType,
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  try {
    const report = emptyReport({ fileName, format: source.format, crs: null, encoding: source.encoding });
    const common = { ...options, sourceName: options.sourceName ?? fileName };
    if (source.kind === 'raster') {
      const given = options.srs ? crsDefinition(options.srs) : undefined;
      if (options.srs && !given)
        throw new ImportError('unknown_crs', `不支持的坐标系“${options.srs}” / unknown CRS`, {
          parameter: 'srs',
          value: options.srs,
        });
      report.source.crs = given
        ? { code: given.code, how: 'given', note: given.name }
        : { code: 'embedded', how: 'declared', note: '影像自带坐标系' };
      return await importRaster(
        pool,
        layer,
        source.path,
        given ? { source: given.code } : null,
        report,
        options.rasterDir,
        common,
      );
    }
    let features: AsyncIterable<SourceFeature> | Iterable<SourceFeature>;
    let expected: number | null = null;
    if (source.kind === 'parsed') {
      report.source.crs = { code: source.crs.code, how: 'declared', note: source.crs.note };
      report.source.areaChecks = source.areaChecks;
      source.areaChecks.forEach((check) => {
        if (check.differencePct !== null && Math.abs(check.differencePct) > AREA_CHECK_WARNING_PCT) {
          addIssue(report, {
            feature: check.feature ?? 0,
            key: check.parcelNo,
            severity: 'warning',
            code: 'area_mismatch',
            message: `地块${check.parcelNo}申报面积${check.declaredM2}m²与坐标计算面积${check.computedM2.toFixed(2)}m²相差${check.differencePct.toFixed(3)}% / declared and computed areas differ`,
            details: check,
          });
        }
      });
      features = source.features;
      expected = source.features.length;
    } else {
      progress('识别坐标系', 0, null);
      const info = pickLayer(await inspectVector(source.path, source.access), options.sourceLayer, fileName);
      const selection = { layer: info.name, ...(source.where ? { where: source.where } : {}) };
      const maxVertices = options.maxVerticesPerFeature ?? DEFAULT_MAX_VERTICES;
      const extents = await readFeatureExtents(
        source.path,
        {
          ...source.access,
          ...selection,
          maxVertices,
          ...(options.signal ? { signal: options.signal } : {}),
        },
        (n) => progress('识别坐标系', n, info.featureCount),
      );
      if (extents.length === 0)
        throw new ImportError('empty_file', '文件中没有要素 / the file has no features', {});
      const crs = await vectorCrs(source, info, extents, options);
      report.source.crs = { code: crs.code, how: crs.how, note: crs.note };
      expected = extents.length;
      features = withLayerAttributes(
        withSourceExtents(
          readVectorFeatures(source.path, { ...source.access, ...selection, sourceCrs: crs.source }),
          extents,
          crs,
        ),
        layer,
        report,
      );
    }
    return await importFeatures(pool, layer, features, report, { ...common, expected });
  } finally {
    await source.cleanup();
  }
}

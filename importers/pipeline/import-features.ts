// The shared end of every import: stage the features, check them, and, only when no error was found,
// write them as a new version and publish it, all in one transaction. On any error nothing is written
// and the layer keeps serving its previous version.
import type { Pool } from 'pg';
import {
  beginVersion,
  findLayerRecord,
  insertStagedFeatures,
  publishVersion,
  stageFeatures,
  type FeatureInput,
  type LayerRecord,
} from '../../layers';
import { ImportError } from '../import-error';
import { DEFAULT_MAX_VERTICES, GeometryKindGuard, geometryProblem } from './check-geometry';
import { validateStaged } from './validate-staged';
import { addIssue, hasErrors, type ValidationReport } from './validation-report';

export type ImportPhase = '读取文件' | '识别坐标系' | '坐标转换' | '数据检查' | '入库';

export interface ImportFeaturesOptions {
  sourceName?: string;
  note?: string;
  createdBy?: number | null;
  maxVerticesPerFeature?: number;
  onProgress?: (phase: ImportPhase, done: number, total: number | null) => void;
  /** total features expected, for progress */
  expected?: number | null;
  /** aborting it stops the import at the next feature (or before it commits) and rolls it back */
  signal?: AbortSignal;
}

export interface ImportResult {
  layer: string;
  versionId: string;
  versionNo: number;
  featureCount: number;
  report: ValidationReport;
}

/** An import refused for the problems in its report; nothing was written. */
export class ImportRejected extends ImportError {
  constructor(readonly report: ValidationReport) {
    const errors = report.issues.filter((i) => i.severity === 'error');
    const first = errors[0];
    super(
      'validation_failed',
      `数据检查发现${errors.length}处错误，未导入；首个问题：第${first?.feature}个要素，${first?.message} / ${errors.length} error(s) found, nothing imported`,
      { errors: errors.length, first },
    );
    this.name = 'ImportRejected';
  }
}

export async function requireLayer(pool: Pool, code: string): Promise<LayerRecord> {
  const layer = await findLayerRecord(pool, code);
  if (!layer)
    throw new ImportError(
      'unknown_layer',
      `图层“${code}”不存在，请先创建 / no layer "${code}": create it first`,
      { parameter: 'layer', value: code },
    );
  return layer;
}

async function* checked(
  features: AsyncIterable<FeatureInput> | Iterable<FeatureInput>,
  layer: LayerRecord,
  report: ValidationReport,
  maxVertices: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<FeatureInput> {
  const guard = new GeometryKindGuard(layer.geometryType);
  let ordinal = 0;
  for await (const feature of features) {
    signal?.throwIfAborted();
    ordinal++;
    guard.accept(feature.geometry, ordinal);
    const problem = geometryProblem(feature.geometry, ordinal, maxVertices);
    if (problem) {
      addIssue(report, {
        feature: ordinal,
        key: feature.key ?? null,
        severity: 'error',
        code: problem.code,
        message: problem.message,
        details: {},
      });
      // keep the ordinal but stage an empty geometry, so PostGIS never sees the broken one
      yield { ...feature, geometry: { type: 'GeometryCollection', geometries: [] } };
    } else {
      yield feature;
    }
  }
}

export async function importFeatures(
  pool: Pool,
  layer: LayerRecord,
  features: AsyncIterable<FeatureInput> | Iterable<FeatureInput>,
  report: ValidationReport,
  options: ImportFeaturesOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { versionId, versionNo } = await beginVersion(client, layer.id, options);
    const errorsBefore = report.issues.length;
    report.counts.read = await stageFeatures(
      client,
      checked(features, layer, report, options.maxVerticesPerFeature ?? DEFAULT_MAX_VERTICES, options.signal),
      (n) => progress('读取文件', n, options.expected ?? null),
    );
    if (report.counts.read === 0) {
      throw new ImportError('empty_file', '文件中没有要素 / the file has no features', {});
    }
    // features the streaming checks refused are rejected before PostGIS parses anything
    const refused = report.issues
      .slice(errorsBefore)
      .filter((i) => i.severity === 'error')
      .map((i) => i.feature);
    if (refused.length > 0)
      await client.query('UPDATE staging_features SET rejected = true WHERE ordinal = ANY ($1::int[])', [
        refused,
      ]);
    progress('数据检查', 0, null);
    await validateStaged(client, layer, report);
    const rejected = new Set(
      report.issues.filter((i) => i.severity === 'error' && i.feature > 0).map((i) => i.feature),
    );
    report.counts.rejected = rejected.size;
    if (hasErrors(report)) throw new ImportRejected(report);
    progress('入库', 0, report.counts.read);
    const count = await insertStagedFeatures(client, versionId, layer.geometryType.startsWith('Multi'));
    report.counts.loaded = count;
    options.signal?.throwIfAborted();
    await publishVersion(client, layer.id, versionId, count, report, {
      publishedBy: options.createdBy ?? null,
    });
    await client.query('COMMIT');
    progress('入库', count, count);
    return { layer: layer.code, versionId, versionNo, featureCount: count, report };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

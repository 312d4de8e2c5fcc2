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
import {
  DEFAULT_MAX_VERTICES,
  GeometryKindGuard,
  geometryProblem,
  MISSING_GEOMETRY,
  outOfRangeProblem,
  type GeometryProblem,
} from './check-geometry';
import type { SourceFeature, SourceProblem } from './source-feature';
import { validateStaged } from './validate-staged';
import { addIssue, errorSummary, hasErrors, sortIssues, type ValidationReport } from './validation-report';

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
    const first = report.issues.find((i) => i.severity === 'error');
    const { errors, byCode } = errorSummary(report);
    const codes = Object.entries(byCode)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    const { read, rejected } = report.counts;
    super(
      'validation_failed',
      `数据检查发现${errors}处错误（${codes}），未导入：读取${read}个要素，${rejected}个被拒绝；首个问题：第${first?.feature}个要素，${first?.message} / ${errors} error(s) found (${codes}), nothing imported: ${read} features read, ${rejected} rejected`,
      { errors, byCode, counts: report.counts, first },
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

/** The first problem of one feature found as it streams in, or undefined. */
function streamProblem(
  feature: SourceFeature,
  ordinal: number,
  guard: GeometryKindGuard,
  crs: string,
  maxVertices: number,
): GeometryProblem | SourceProblem | undefined {
  if (feature.problem) return feature.problem;
  if (feature.geometry === null) return outOfRangeProblem(null, feature.source, crs) ?? MISSING_GEOMETRY;
  return (
    guard.problem(feature.geometry, ordinal) ??
    geometryProblem(feature.geometry, ordinal, maxVertices) ??
    outOfRangeProblem(feature.geometry, feature.source, crs)
  );
}

/**
 * Numbers the features from 1 in file order and checks each as it streams; a feature with a problem is
 * reported, and staged with an empty geometry (PostGIS never sees the broken one) so its number stays.
 */
async function* checked(
  features: AsyncIterable<SourceFeature> | Iterable<SourceFeature>,
  layer: LayerRecord,
  report: ValidationReport,
  maxVertices: number,
  refused: number[],
  signal: AbortSignal | undefined,
): AsyncGenerator<FeatureInput> {
  const guard = new GeometryKindGuard(layer.geometryType);
  const crs = report.source.crs?.code ?? 'EPSG:4490';
  let ordinal = 0;
  for await (const feature of features) {
    signal?.throwIfAborted();
    ordinal++;
    const input = {
      ...(feature.key !== undefined ? { key: feature.key } : {}),
      properties: feature.properties,
    };
    const problem = streamProblem(feature, ordinal, guard, crs, maxVertices);
    if (!problem && feature.geometry !== null) {
      yield { ...input, geometry: feature.geometry };
      continue;
    }
    const reported = problem ?? MISSING_GEOMETRY;
    refused.push(ordinal);
    addIssue(report, {
      feature: ordinal,
      key: feature.key ?? null,
      severity: 'error',
      code: reported.code,
      message: reported.message,
      details: reported.details ?? {},
    });
    yield { ...input, geometry: { type: 'GeometryCollection', geometries: [] } };
  }
}

export async function importFeatures(
  pool: Pool,
  layer: LayerRecord,
  features: AsyncIterable<SourceFeature> | Iterable<SourceFeature>,
  report: ValidationReport,
  options: ImportFeaturesOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { versionId, versionNo } = await beginVersion(client, layer.id, options);
    const refused: number[] = [];
    report.counts.read = await stageFeatures(
      client,
      checked(
        features,
        layer,
        report,
        options.maxVerticesPerFeature ?? DEFAULT_MAX_VERTICES,
        refused,
        options.signal,
      ),
      (n) => progress('读取文件', n, options.expected ?? null),
    );
    if (report.counts.read === 0) {
      throw new ImportError('empty_file', '文件中没有要素 / the file has no features', {});
    }
    // features the streaming checks refused are rejected before PostGIS parses anything
    if (refused.length > 0)
      await client.query('UPDATE staging_features SET rejected = true WHERE ordinal = ANY ($1::int[])', [
        refused,
      ]);
    progress('数据检查', 0, null);
    await validateStaged(client, layer, report);
    sortIssues(report);
    // every feature read is either rejected, with its reasons in the report, or loaded: read = loaded + rejected
    const { rows } = await client.query<{ rejected: number }>(
      'SELECT count(*) FILTER (WHERE rejected)::int AS rejected FROM staging_features',
    );
    report.counts.rejected = rows[0]?.rejected ?? 0;
    report.counts.loaded = report.counts.read - report.counts.rejected;
    if (report.counts.rejected > 0 || hasErrors(report)) throw new ImportRejected(report);
    progress('入库', 0, report.counts.read);
    const count = await insertStagedFeatures(client, versionId, layer.geometryType.startsWith('Multi'));
    if (count !== report.counts.loaded)
      throw new Error(`loaded ${count} features where ${report.counts.loaded} passed the checks`);
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

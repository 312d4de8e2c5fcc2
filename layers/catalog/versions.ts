// A layer's versions: the list, a version's validation report, which version was current at a moment,
// and rolling back to an earlier version (a pointer move, recorded like any publication).
import type { PoolClient } from 'pg';
import type { Queryable } from './queryable';
import { movePointer } from './write-version';

export interface VersionSummary {
  version: number;
  featureCount: number;
  sourceName: string | null;
  note: string | null;
  createdAt: string;
  publishedAt: string | null;
  current: boolean;
  report: { counts: Record<string, number> } | null;
}

export async function listVersions(db: Queryable, layerId: number): Promise<VersionSummary[]> {
  const { rows } = await db.query<{
    version_no: number;
    feature_count: number;
    source_name: string | null;
    note: string | null;
    created_at: Date;
    published_at: Date | null;
    current: boolean;
    counts: Record<string, number> | null;
  }>(
    `SELECT v.version_no, v.feature_count, v.source_name, v.note, v.created_at, v.published_at,
            v.id = l.current_version_id AS current, v.validation_report->'counts' AS counts
     FROM layer_versions v JOIN layers l ON l.id = v.layer_id
     WHERE v.layer_id = $1 AND v.published_at IS NOT NULL
     ORDER BY v.version_no DESC`,
    [layerId],
  );
  return rows.map((r) => ({
    version: r.version_no,
    featureCount: r.feature_count,
    sourceName: r.source_name,
    note: r.note,
    createdAt: r.created_at.toISOString(),
    publishedAt: r.published_at?.toISOString() ?? null,
    current: r.current,
    report: r.counts ? { counts: r.counts } : null,
  }));
}

/** The id of version `versionNo` of the layer, if it was ever published. */
export async function versionId(
  db: Queryable,
  layerId: number,
  versionNo: number,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM layer_versions WHERE layer_id = $1 AND version_no = $2 AND published_at IS NOT NULL',
    [layerId, versionNo],
  );
  return rows[0]?.id;
}

/** The version that was current at `at` (the blueprint as of that moment). */
export async function versionAsOf(db: Queryable, layerId: number, at: Date): Promise<string | undefined> {
  const { rows } = await db.query<{ layer_version_id: string }>(
    `SELECT layer_version_id FROM layer_publications
     WHERE layer_id = $1 AND published_at <= $2 ORDER BY published_at DESC, id DESC LIMIT 1`,
    [layerId, at],
  );
  return rows[0]?.layer_version_id;
}

export async function versionReport(
  db: Queryable,
  layerId: number,
  versionNo: number,
): Promise<unknown | undefined> {
  const { rows } = await db.query<{ validation_report: unknown }>(
    'SELECT validation_report FROM layer_versions WHERE layer_id = $1 AND version_no = $2 AND published_at IS NOT NULL',
    [layerId, versionNo],
  );
  return rows[0]?.validation_report;
}

/** Makes an earlier version current again; returns false when there is no such published version. */
export async function rollbackLayer(
  client: PoolClient,
  layerId: number,
  versionNo: number,
  publishedBy: number | null = null,
): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT id FROM layers WHERE id = $1 FOR UPDATE', [layerId]);
    const id = await versionId(client, layerId, versionNo);
    if (id === undefined) {
      await client.query('ROLLBACK');
      return false;
    }
    await movePointer(client, layerId, id, 'rollback', publishedBy);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

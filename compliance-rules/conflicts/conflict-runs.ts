// The record of each conflict computation (planning_conflict_runs): why it ran, its phase and progress
// while it runs, the version it made or the error it met, for the client to poll as it polls imports.
import type { Queryable } from '../../layers';

export type ConflictRunReason = 'start' | 'import' | 'rollback' | 'manual' | 'seed';
export type ConflictRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ConflictRunView {
  id: string;
  reason: ConflictRunReason;
  sourceLayer: string | null;
  status: ConflictRunStatus;
  phase: string;
  progress: { done: number; total: number | null };
  version: number | null;
  error: { code: string; message: string; details: Record<string, unknown> } | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function createConflictRun(
  db: Queryable,
  reason: ConflictRunReason,
  sourceLayer: string | null,
  createdBy: number | null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO planning_conflict_runs (reason, source_layer, created_by) VALUES ($1, $2, $3) RETURNING id',
    [reason, sourceLayer, createdBy],
  );
  return rows[0]!.id;
}

export async function updateConflictRun(
  db: Queryable,
  id: string,
  phase: string,
  done: number,
  total: number | null,
): Promise<void> {
  await db.query(
    `UPDATE planning_conflict_runs SET status = 'running', phase = $2, progress_done = $3, progress_total = $4,
       updated_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, phase, done, total],
  );
}

export async function finishConflictRun(
  db: Queryable,
  id: string,
  outcome: { versionId: string; featureCount: number } | { error: ConflictRunView['error'] },
): Promise<void> {
  if ('versionId' in outcome)
    await db.query(
      `UPDATE planning_conflict_runs SET status = 'succeeded', phase = '完成', progress_done = $2,
         progress_total = $2, layer_version_id = $3, updated_at = now() WHERE id = $1`,
      [id, outcome.featureCount, outcome.versionId],
    );
  else
    await db.query(
      `UPDATE planning_conflict_runs SET status = 'failed', phase = '失败', error = $2, updated_at = now()
       WHERE id = $1`,
      [id, JSON.stringify(outcome.error)],
    );
}

export async function readConflictRun(db: Queryable, id: string): Promise<ConflictRunView | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<{
    id: string;
    reason: ConflictRunReason;
    source_layer: string | null;
    status: ConflictRunStatus;
    phase: string;
    progress_done: number;
    progress_total: number | null;
    version_no: number | null;
    error: ConflictRunView['error'];
    username: string | null;
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT r.id, r.reason, r.source_layer, r.status, r.phase, r.progress_done, r.progress_total, v.version_no,
            r.error, u.username, r.created_at, r.updated_at
     FROM planning_conflict_runs r
     LEFT JOIN layer_versions v ON v.id = r.layer_version_id LEFT JOIN users u ON u.id = r.created_by
     WHERE r.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    reason: r.reason,
    sourceLayer: r.source_layer,
    status: r.status,
    phase: r.phase,
    progress: { done: r.progress_done, total: r.progress_total },
    version: r.version_no,
    error: r.error,
    createdBy: r.username,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

// Import jobs: each upload runs in the background as a job whose phase, progress, result and report
// are kept in import_jobs, so the client can poll it and a finished job can still be read later.
import { rm } from 'node:fs/promises';
import type { Pool } from 'pg';
import { ImportError, importFile, ImportRejected, type ImportFileOptions } from '../../importers';

export interface ImportJobView {
  id: string;
  layer: string;
  fileName: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: string;
  progress: { done: number; total: number | null };
  version: number | null;
  report: unknown;
  error: { code: string; message: string; details: Record<string, unknown> } | null;
  createdAt: string;
  updatedAt: string;
}

const PROGRESS_INTERVAL_MS = 300;

/** Why a job ended when the server stopped under it. */
function interrupted(): ImportError {
  return new ImportError(
    'interrupted',
    '服务已停止，导入已撤销，请重新导入 / the server stopped; the import was rolled back, import the file again',
  );
}

export class ImportJobs {
  private readonly running = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private stopping = false;

  /** imports running now in this process */
  runningCount(): number {
    return this.running.size;
  }

  constructor(
    private readonly pool: Pool,
    private readonly onPublished: (layer: string) => Promise<void> = async () => undefined,
  ) {}

  async create(layerId: number, fileName: string): Promise<string> {
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO import_jobs (layer_id, file_name) VALUES ($1, $2) RETURNING id',
      [layerId, fileName],
    );
    return rows[0]!.id;
  }

  /** Runs the import in the background; the uploaded file is removed when it ends. */
  start(id: string, options: Omit<ImportFileOptions, 'onProgress' | 'signal'>): void {
    const controller = new AbortController();
    if (this.stopping) controller.abort(interrupted()); // an upload that ended after the stop began
    this.controllers.add(controller);
    const run = this.run(id, { ...options, signal: controller.signal }).finally(() => {
      this.running.delete(run);
      this.controllers.delete(controller);
      void rm(options.file, { force: true });
    });
    this.running.add(run);
  }

  /** Waits for the jobs under way (for a clean shutdown, and tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /**
   * For a shutdown: stops every job under way (its transaction rolls back, the layer keeps its current
   * version, the job is marked failed) and any started later, and waits up to timeoutMs for them.
   */
  async interrupt(timeoutMs: number): Promise<void> {
    this.stopping = true;
    for (const controller of this.controllers) controller.abort(interrupted());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.settle(),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]).finally(() => clearTimeout(timer));
  }

  private async run(id: string, options: Omit<ImportFileOptions, 'onProgress'>): Promise<void> {
    let last = 0;
    const update = (phase: string, done: number, total: number | null) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && done !== total) return;
      last = now;
      void this.pool
        .query(
          "UPDATE import_jobs SET status = 'running', phase = $2, progress_done = $3, progress_total = $4, updated_at = now() WHERE id = $1 AND status IN ('queued', 'running')",
          [id, phase, done, total],
        )
        .catch(() => undefined);
    };
    try {
      options.signal?.throwIfAborted();
      await this.pool.query("UPDATE import_jobs SET status = 'running', updated_at = now() WHERE id = $1", [
        id,
      ]);
      const result = await importFile(this.pool, { ...options, onProgress: update });
      await this.pool.query(
        `UPDATE import_jobs SET status = 'succeeded', phase = '完成', progress_done = $2, progress_total = $2,
           layer_version_id = $3, report = $4, updated_at = now() WHERE id = $1`,
        [id, result.featureCount, result.versionId, JSON.stringify(result.report)],
      );
      await this.onPublished(result.layer);
    } catch (error) {
      const known = error instanceof ImportError;
      const body = known
        ? { code: error.code, message: error.message, details: error.details }
        : {
            code: 'internal_error',
            message: `导入失败 / the import failed: ${(error as Error).message}`,
            details: {},
          };
      if (!known) console.error(error);
      await this.pool.query(
        "UPDATE import_jobs SET status = 'failed', phase = '失败', error = $2, report = $3, updated_at = now() WHERE id = $1",
        [id, JSON.stringify(body), error instanceof ImportRejected ? JSON.stringify(error.report) : null],
      );
    }
  }

  async get(id: string): Promise<ImportJobView | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const { rows } = await this.pool.query<{
      id: string;
      layer: string;
      file_name: string;
      status: ImportJobView['status'];
      phase: string;
      progress_done: string;
      progress_total: string | null;
      version_no: number | null;
      report: unknown;
      error: ImportJobView['error'];
      created_at: Date;
      updated_at: Date;
    }>(
      `SELECT j.id, l.code AS layer, j.file_name, j.status, j.phase, j.progress_done, j.progress_total,
              v.version_no, j.report, j.error, j.created_at, j.updated_at
       FROM import_jobs j JOIN layers l ON l.id = j.layer_id LEFT JOIN layer_versions v ON v.id = j.layer_version_id
       WHERE j.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      layer: r.layer,
      fileName: r.file_name,
      status: r.status,
      phase: r.phase,
      progress: {
        done: Number(r.progress_done),
        total: r.progress_total === null ? null : Number(r.progress_total),
      },
      version: r.version_no,
      report: r.report,
      error: r.error,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  }
}

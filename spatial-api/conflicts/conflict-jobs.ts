// Recomputes the planning conflicts in the background, one computation at a time: when a layer a conflict
// pair reads gets a new current version (an import or a rollback), or when a rule administrator asks. The
// request that caused it is answered at once; the run's phase and progress are kept in
// planning_conflict_runs for the client to poll. A request made while another waits to start joins it
// (the waiting run will read the newest versions anyway).
import type { Pool } from 'pg';
import {
  ComplianceError,
  CONFLICT_LAYER_CODE,
  computePlanningConflicts,
  createConflictRun,
  finishConflictRun,
  readConflictRun,
  readsLayer,
  updateConflictRun,
  type ConflictPairSet,
  type ConflictRunReason,
  type ConflictRunView,
} from '../../compliance-rules';

const PROGRESS_INTERVAL_MS = 300;

export class ConflictJobs {
  private chain: Promise<void> = Promise.resolve();
  private waiting: Promise<string> | undefined;
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  constructor(
    private readonly pool: Pool,
    private readonly pairs: ConflictPairSet,
    private readonly onPublished: (layer: string) => Promise<void> = async () => undefined,
  ) {}

  /** A layer got a new current version: recompute when a pair reads it. Never throws, never waits. */
  layerPublished(layer: string, reason: 'import' | 'rollback'): void {
    if (!readsLayer(this.pairs, layer) || this.controller.signal.aborted) return;
    this.request(reason, layer, null).catch((error: unknown) =>
      console.error(`planning conflicts: could not queue a recomputation: ${(error as Error).message}`),
    );
  }

  /** Queues a computation (or joins the one waiting to start) and returns its run id. */
  request(reason: ConflictRunReason, sourceLayer: string | null, createdBy: number | null): Promise<string> {
    if (this.waiting) return this.waiting;
    const waiting = createConflictRun(this.pool, reason, sourceLayer, createdBy);
    this.waiting = waiting;
    const run = waiting.then(
      (id) =>
        (this.chain = this.chain.then(() => {
          if (this.waiting === waiting) this.waiting = undefined;
          return this.run(id, createdBy);
        })),
      () => {
        if (this.waiting === waiting) this.waiting = undefined;
      },
    );
    const tracked = run.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return waiting;
  }

  get(id: string): Promise<ConflictRunView | undefined> {
    return readConflictRun(this.pool, id);
  }

  /** Waits for the computations queued and under way (tests, a clean shutdown). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** For a shutdown: stops the computation under way (it rolls back) and those queued, waiting up to timeoutMs. */
  async interrupt(timeoutMs: number): Promise<void> {
    this.controller.abort(
      new ComplianceError(
        'conflict',
        '服务已停止，冲突计算已撤销 / the server stopped; the computation was rolled back',
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.settle(),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]).finally(() => clearTimeout(timer));
  }

  private async run(id: string, createdBy: number | null): Promise<void> {
    let last = 0;
    const update = (phase: string, done: number, total: number | null) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && done !== total) return;
      last = now;
      void updateConflictRun(this.pool, id, phase, done, total).catch(() => undefined);
    };
    try {
      this.controller.signal.throwIfAborted();
      update('读取来源图层', 0, null);
      const result = await computePlanningConflicts(this.pool, this.pairs, {
        createdBy,
        onProgress: update,
        signal: this.controller.signal,
      });
      await finishConflictRun(this.pool, id, result);
      await this.onPublished(CONFLICT_LAYER_CODE);
    } catch (error) {
      const known = error instanceof ComplianceError;
      if (!known) console.error(error);
      await finishConflictRun(this.pool, id, {
        error: known
          ? { code: error.kind, message: error.message, details: error.details }
          : {
              code: 'internal_error',
              message: `冲突计算失败 / the computation failed: ${(error as Error).message}`,
              details: {},
            },
      }).catch(() => undefined);
    }
  }
}

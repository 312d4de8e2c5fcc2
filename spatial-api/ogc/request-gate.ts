// At most a few OGC operations at once: each holds up to two database connections (a GetFeature counts on
// one while it streams on another), so that a flood of heavy requests cannot take every connection of the
// pool and leave the rest of the API, the health check among it, waiting behind them. More wait their
// turn, first come first served: always a few per place, and beyond those as many as the gate expects to
// let in within WAIT_BUDGET_MS (from how long operations have held their places lately), so that a city
// system is not turned away while its answer would still come in time; beyond that a request is told to
// come back later (503, Retry-After). An operation done with the database before it is done (a GetMap whose
// rows are read, drawn on a render thread) leaves the gate early (leaveGate), so the next request need not
// wait for its drawing.
import type { Response } from 'express';
import { OgcException } from './ogc-exception';

const RETRY_AFTER_S = 5;
/** How long a request may be expected to wait for its place and still be let in to wait, ms. */
export const WAIT_BUDGET_MS = 3000;
/** Requests that wait per place whatever the estimate, and at most. */
const ALWAYS_QUEUED = 16;
const MOST_QUEUED = 128;
/** Weight of the latest hold in the running estimate. */
const HOLD_WEIGHT = 0.1;

export interface GateOptions {
  /** operations at once */
  concurrent: number;
  /** the expected wait past which a request is refused, ms */
  waitBudgetMs?: number;
  /** ms, for the tests */
  now?: () => number;
}

export class RequestGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** how long an operation holds its place, ms: a running average (null until one has left) */
  private holdMs: number | null = null;
  private readonly concurrent: number;
  private readonly waitBudgetMs: number;
  private readonly now: () => number;

  constructor({ concurrent, waitBudgetMs = WAIT_BUDGET_MS, now = () => performance.now() }: GateOptions) {
    this.concurrent = concurrent;
    this.waitBudgetMs = waitBudgetMs;
    this.now = now;
  }

  /** For a pool of `poolSize` connections: half of them less two for OGC, the rest for everything else. */
  static forPool(poolSize: number): RequestGate {
    return new RequestGate({ concurrent: Math.max(1, Math.floor((poolSize - 2) / 2)) });
  }

  /** Whether one more request may wait: a few always, more while their turn is expected within budget. */
  private admitsOneMore(): boolean {
    const queued = this.waiting.length;
    if (queued < ALWAYS_QUEUED * this.concurrent) return true;
    if (queued >= MOST_QUEUED * this.concurrent || this.holdMs === null) return false;
    return ((queued + 1) * this.holdMs) / this.concurrent <= this.waitBudgetMs;
  }

  async run<T>(res: Response, task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrent) {
      this.running++;
    } else if (this.admitsOneMore()) {
      // the slot is handed over by the operation that ends
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      res.set('Retry-After', String(RETRY_AFTER_S));
      throw new OgcException(
        'NoApplicableCode',
        'REQUEST',
        `服务繁忙，请${RETRY_AFTER_S}秒后再试 / the service is busy: try again in ${RETRY_AFTER_S} s`,
        503,
      );
    }
    let left = false;
    const entered = this.now();
    const leave = () => {
      if (left) return;
      left = true;
      const held = this.now() - entered;
      this.holdMs = this.holdMs === null ? held : this.holdMs + HOLD_WEIGHT * (held - this.holdMs);
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
    res.locals[LEAVE] = leave;
    try {
      return await task();
    } finally {
      delete res.locals[LEAVE];
      leave();
    }
  }
}

const LEAVE = 'leaveRequestGate';

/** Hands the request's place in the gate to the next one: it needs no more database connections. */
export function leaveGate(res: Response): void {
  (res.locals[LEAVE] as (() => void) | undefined)?.();
}

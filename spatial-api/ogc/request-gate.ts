// At most a few OGC operations at once: each holds up to two database connections (a GetFeature counts on
// one while it streams on another), so that a flood of heavy requests cannot take every connection of the
// pool and leave the rest of the API, the health check among it, waiting behind them. A bounded number more
// wait their turn; beyond that a request is told to come back later (503, Retry-After). An operation done
// with the database before it is done (a GetMap whose rows are read, drawn on a render thread) leaves the
// gate early (leaveGate), so the next request need not wait for its drawing.
import type { Response } from 'express';
import { OgcException } from './ogc-exception';

const RETRY_AFTER_S = 5;

export class RequestGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly queued: number,
  ) {}

  /** For a pool of `poolSize` connections: half of them less two for OGC, the rest for everything else. */
  static forPool(poolSize: number): RequestGate {
    const concurrent = Math.max(1, Math.floor((poolSize - 2) / 2));
    return new RequestGate(concurrent, 16 * concurrent);
  }

  async run<T>(res: Response, task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrent) {
      this.running++;
    } else if (this.waiting.length < this.queued) {
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
    const leave = () => {
      if (left) return;
      left = true;
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

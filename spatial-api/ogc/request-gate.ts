// At most a few OGC operations at once: each holds up to two database connections (a GetFeature counts on
// one while it streams on another), so that a flood of heavy requests cannot take every connection of the
// pool and leave the rest of the API, the health check among it, waiting behind them. More wait their
// turn in a WaitLine (first come first served, refused with 503 and Retry-After past its wait budget). An
// operation done with the database before it is done (a GetMap about to wait for its turn on the render
// threads, which bound its reading and drawing from there) leaves the gate early (leaveGate), so the next
// request need not wait for it.
import type { Response } from 'express';
import { LineFull, WaitLine, type WaitLineOptions } from '../wait-line';
import { OgcException } from './ogc-exception';

/** The answer to a request the line turned away: 503, come back in a few seconds. */
export function serviceBusy(res: Response, full: LineFull): OgcException {
  res.set('Retry-After', String(full.retryAfterS));
  return new OgcException('NoApplicableCode', 'REQUEST', full.message, 503);
}

export class RequestGate {
  private readonly line: WaitLine;

  constructor(options: WaitLineOptions) {
    this.line = new WaitLine(options);
  }

  /** For a pool of `poolSize` connections: half of them less two for OGC, the rest for everything else. */
  static forPool(poolSize: number): RequestGate {
    return new RequestGate({ places: Math.max(1, Math.floor((poolSize - 2) / 2)) });
  }

  async run<T>(res: Response, task: () => Promise<T>): Promise<T> {
    let leave;
    try {
      leave = await this.line.enter();
    } catch (error) {
      throw error instanceof LineFull ? serviceBusy(res, error) : error;
    }
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

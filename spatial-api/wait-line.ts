// A line in front of a few places (OGC operations holding database connections, maps on the render
// threads): first come first served, always a few waiting per place, and beyond those as many as the line
// expects to let in within its wait budget (from how long places have been held lately), so that a city
// system is not turned away while its answer would still come in time; beyond that a newcomer is refused
// (LineFull), to be answered "come back later".

/** How long a newcomer may be expected to wait for a place and still be let in to wait, ms. */
const WAIT_BUDGET_MS = 3000;
/** Newcomers that wait per place whatever the estimate, and at most. */
const ALWAYS_QUEUED = 16;
const MOST_QUEUED = 128;
/** Weight of the latest hold in the running estimate. */
const HOLD_WEIGHT = 0.1;

const RETRY_AFTER_S = 5;

/** The line is longer than its wait budget: come back in `retryAfterS` (the message says so, for callers). */
export class LineFull extends Error {
  override name = 'LineFull';
  readonly retryAfterS = RETRY_AFTER_S;

  constructor() {
    super(`服务繁忙，请${RETRY_AFTER_S}秒后再试 / the service is busy: try again in ${RETRY_AFTER_S} s`);
  }
}

export interface WaitLineOptions {
  /** places taken at once */
  places: number;
  /** the expected wait past which a newcomer is refused, ms */
  waitBudgetMs?: number;
  /** ms, for the tests */
  now?: () => number;
}

export interface EnterOptions {
  /** given up while waiting: leaves the line, rejecting with the signal's reason */
  signal?: AbortSignal;
  /** waits however long the line (work that has no one to be told to come back, e.g. a report's maps) */
  unbounded?: boolean;
}

/** Gives the place back (once; later calls do nothing). */
export type Leave = () => void;

export class WaitLine {
  private taken = 0;
  private readonly waiting: (() => void)[] = [];
  /** how long a place is held, ms: a running average (null until one has been given back) */
  private holdMs: number | null = null;
  private readonly places: number;
  private readonly waitBudgetMs: number;
  private readonly now: () => number;

  constructor({ places, waitBudgetMs = WAIT_BUDGET_MS, now = () => performance.now() }: WaitLineOptions) {
    this.places = places;
    this.waitBudgetMs = waitBudgetMs;
    this.now = now;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Whether one more may wait: a few always, more while their turn is expected within budget. */
  private admitsOneMore(): boolean {
    const queued = this.waiting.length;
    if (queued < ALWAYS_QUEUED * this.places) return true;
    if (queued >= MOST_QUEUED * this.places || this.holdMs === null) return false;
    return ((queued + 1) * this.holdMs) / this.places <= this.waitBudgetMs;
  }

  /** A place, now or when the ones before have theirs; LineFull when the wait would be too long. */
  async enter({ signal, unbounded = false }: EnterOptions = {}): Promise<Leave> {
    signal?.throwIfAborted();
    // while some wait, every place is taken: a place given back goes to the first of them
    if (this.taken < this.places) this.taken++;
    else if (unbounded || this.admitsOneMore()) await this.waitTurn(signal);
    else throw new LineFull();
    return this.placeTaken();
  }

  /** Waits in line; the place given back is handed over, not freed. */
  private waitTurn(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', giveUp);
        resolve();
      };
      const giveUp = () => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', giveUp, { once: true });
      this.waiting.push(turn);
    });
  }

  private placeTaken(): Leave {
    const entered = this.now();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const held = this.now() - entered;
      this.holdMs = this.holdMs === null ? held : this.holdMs + HOLD_WEIGHT * (held - this.holdMs);
      const next = this.waiting.shift();
      if (next) next();
      else this.taken--;
    };
  }
}

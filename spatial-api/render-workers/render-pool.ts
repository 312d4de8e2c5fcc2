// The render threads of one server process (worker_threads): maps are painted, read back and encoded
// there, so the process's own thread only streams rows from PostgreSQL and answers requests, and a
// city-scale map does not hold up a street map or the health check behind it. Threads start on the first
// map (or all at once with warm()) and keep the process alive only while they draw one; a thread that
// dies fails the maps it held and a new one takes its place on the next map.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { FeatureRowSink } from '../ogc/wms/render/feature-decoder';
import type { VectorPlan } from '../ogc/wms/render/layer-plan';
import type { CanvasSpec, FromRenderThread, JobLayer, RenderThreadData, ToRenderThread } from './messages';
import { RowBatcher } from './row-batcher';
import { WaitLine, type EnterOptions } from '../wait-line';

/** A render thread stopped (crashed, ran out of memory, or was stopped) while drawing the map. */
export class RenderThreadFailed extends Error {
  override name = 'RenderThreadFailed';
}

export interface RenderPoolOptions {
  threads: number;
  /** the JavaScript heap of each thread, MiB; the canvases' pixels live outside it */
  heapMb: number;
  /**
   * the threads' nice value (Linux gives each thread its own): painting yields the cores to the process's
   * event loop and to PostgreSQL when they are saturated, and takes what they leave
   */
  nice: number;
  /**
   * maps taken on at once (rows being read, or drawn); the next wait in line for one to end, first come
   * first served, so that every map waits alike for its turn rather than behind whichever thread it was
   * handed to
   */
  mapsAtOnce: number;
}

export interface RenderPoolStats {
  /** threads running now */
  running: number;
  /** maps being read or drawn */
  jobs: number;
  /** maps being drawn, or read and waiting for their thread */
  drawing: number;
  /** maps waiting to be taken on */
  queued: number;
  /** threads started so far (more than `running` after a thread died) */
  started: number;
}

// tsx's CommonJS hooks, so a thread runs the TypeScript sources as the server does (also under jest)
const THREAD_SOURCE = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
require(${JSON.stringify(path.join(__dirname, 'render-thread.ts'))});`;

interface Pending {
  resolve(image: Buffer): void;
  reject(error: unknown): void;
}

type RenderMessage = Extract<ToRenderThread, { type: 'render' }>;

/** How long a large map lets smaller ones go before it, ms. */
const LONGEST_WAIT_MS = 5000;

class RenderThread {
  readonly worker: Worker;
  /** jobs assigned to this thread and not ended */
  readonly jobs = new Set<RenderJob>();
  alive = true;
  /** the map the thread is painting and encoding; the others wait here for their turn */
  private drawing: number | undefined;
  private readonly waiting: { message: RenderMessage; since: number }[] = [];

  constructor(
    { heapMb, nice }: Pick<RenderPoolOptions, 'heapMb' | 'nice'>,
    onExit: (thread: RenderThread) => void,
  ) {
    const workerData: RenderThreadData = { nice };
    this.worker = new Worker(THREAD_SOURCE, {
      eval: true,
      execArgv: [],
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.worker.on('message', (message: FromRenderThread) => {
      for (const job of this.jobs) if (job.id === message.job) job.answer(message);
    });
    // the exit that follows says what became of the thread
    this.worker.on('error', () => undefined);
    this.worker.on('exit', (code) => {
      this.alive = false;
      const failure = new RenderThreadFailed(`the render thread stopped (exit code ${code})`);
      for (const job of [...this.jobs]) job.fail(failure);
      this.jobs.clear();
      onExit(this);
    });
    // after the listeners, which would take a reference again
    this.worker.unref();
  }

  /** A map the thread is busy with keeps the process alive; an idle thread does not. */
  add(job: RenderJob): void {
    this.jobs.add(job);
    if (this.jobs.size === 1) this.worker.ref();
  }

  /** A job ended (drawn, failed or given up): the next map waiting takes its turn. */
  remove(job: RenderJob): void {
    if (this.jobs.delete(job) && this.jobs.size === 0) this.worker.unref();
    const at = this.waiting.findIndex((w) => w.message.job === job.id);
    if (at >= 0) this.waiting.splice(at, 1);
    if (this.drawing === job.id) {
      this.drawing = undefined;
      this.drawNext();
    }
  }

  /** Maps being drawn or waiting for their turn. */
  get drawingCount(): number {
    return this.waiting.length + (this.drawing === undefined ? 0 : 1);
  }

  /**
   * Maps are painted one at a time, the smallest waiting first: a street map asked for while city maps
   * are drawn waits for one of them at most, not for all whose rows reached the thread before it. A map
   * waiting LONGEST_WAIT_MS goes first whatever its size.
   */
  draw(message: RenderMessage): void {
    this.waiting.push({ message, since: performance.now() });
    this.drawNext();
  }

  private drawNext(): void {
    if (this.drawing !== undefined || this.waiting.length === 0) return;
    const pixels = (m: RenderMessage) => m.canvas.width * m.canvas.height;
    // the first in line once it has waited long enough, so a stream of small maps cannot hold it back
    const first = this.waiting[0]!;
    const next =
      performance.now() - first.since >= LONGEST_WAIT_MS
        ? first
        : this.waiting.reduce((least, w) => (pixels(w.message) < pixels(least.message) ? w : least));
    this.waiting.splice(this.waiting.indexOf(next), 1);
    this.drawing = next.message.job;
    this.post(next.message);
  }

  post(message: ToRenderThread, transfer: ArrayBuffer[] = []): void {
    if (this.alive) this.worker.postMessage(message, transfer);
  }
}

/** One map drawn on a render thread: its layers' rows sent as they are read, then the image asked for. */
export class RenderJob {
  private readonly batchers: RowBatcher[] = [];
  private pending: Pending | undefined;
  private failure: unknown;
  private ended = false;

  constructor(
    readonly id: number,
    private readonly thread: RenderThread,
    private readonly signal: AbortSignal | undefined,
    private readonly onEnd: () => void,
  ) {
    thread.add(this);
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => this.fail(this.signal?.reason);

  /** The sink for the rows of vector layer `layer` (its index in the map), drawn as `plan` says. */
  open(layer: number, plan: VectorPlan): FeatureRowSink {
    this.thread.post({ type: 'open', job: this.id, layer, plan });
    const batcher = new RowBatcher(this.id, layer, (batch) => {
      if (this.failure === undefined)
        this.thread.post(batch, [batch.bytes.buffer, batch.ends.buffer] as ArrayBuffer[]);
    });
    this.batchers.push(batcher);
    return batcher.add;
  }

  /** The map's image, once every layer is read: painted, read back and encoded on the thread. */
  render(layers: JobLayer[], canvas: CanvasSpec): Promise<Buffer> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    for (const batcher of this.batchers) batcher.flush();
    return new Promise<Buffer>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.thread.draw({ type: 'render', job: this.id, layers, canvas });
    });
  }

  answer(message: FromRenderThread): void {
    if (message.type === 'failed') {
      this.fail(new Error(message.message));
      return;
    }
    const image = Buffer.from(message.image.buffer, message.image.byteOffset, message.image.byteLength);
    const pending = this.pending;
    this.end();
    pending?.resolve(image);
  }

  /** Stops the job here and on its thread; a render asked for fails with `reason`. */
  fail(reason: unknown): void {
    if (this.ended) return;
    this.failure = reason;
    const pending = this.pending;
    this.end();
    pending?.reject(reason);
  }

  /** Lets the thread forget the job (a map drawn, failed or given up), once. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = undefined;
    this.signal?.removeEventListener('abort', this.onAbort);
    this.thread.remove(this);
    this.thread.post({ type: 'drop', job: this.id });
    this.onEnd();
  }
}

/** Maps of more pixels than this (1024², a browser window's map) wait in a line of their own. */
const LARGE_MAP_PIXELS = 1024 * 1024;
/**
 * The wait past which a map is refused (503, come back later), ms: twice the 5 s a city system is to be
 * answered in. A shorter one turned callers away that would have been answered in time (at 64 callers on
 * 2 cores each map waits about 3 s), and each refusal came straight back.
 */
const MAP_WAIT_BUDGET_MS = 10_000;

export interface Turn extends EnterOptions {
  /** the map's width × height */
  pixels: number;
}

export class RenderPool {
  private readonly threads: RenderThread[] = [];
  /** the lines of maps up to LARGE_MAP_PIXELS and of larger ones, each with `mapsAtOnce` places */
  private readonly lines: { small: WaitLine; large: WaitLine };
  private nextId = 1;
  private started = 0;
  private closed = false;

  constructor(readonly options: RenderPoolOptions) {
    this.lines = {
      small: new WaitLine({ places: options.mapsAtOnce, waitBudgetMs: MAP_WAIT_BUDGET_MS }),
      large: new WaitLine({ places: options.mapsAtOnce, waitBudgetMs: MAP_WAIT_BUDGET_MS }),
    };
  }

  /**
   * A new map, on the thread with the fewest maps (a new thread while there are fewer than allowed), once
   * it has its turn: it waits in line until then (refused with LineFull where the line is longer than its
   * budget, unless `unbounded`), or until the signal gives it up. Large maps (print sizes) have a line of
   * their own, so that a street map or a tile waits behind a few of them at most; among maps of the same
   * line every one waits alike.
   */
  async job(turn: Turn): Promise<RenderJob> {
    const line = turn.pixels > LARGE_MAP_PIXELS ? this.lines.large : this.lines.small;
    const leave = await line.enter(turn);
    if (this.closed) {
      leave();
      throw new RenderThreadFailed('the render threads are closed');
    }
    let thread = this.threads.reduce<RenderThread | undefined>(
      (least, t) => (least && least.jobs.size <= t.jobs.size ? least : t),
      undefined,
    );
    if (!thread || (thread.jobs.size > 0 && this.threads.length < this.options.threads))
      thread = this.start();
    return new RenderJob(this.nextId++, thread, turn.signal, leave);
  }

  /** Starts every thread now (a server about to serve), so the first maps do not wait for them to load. */
  warm(): void {
    while (!this.closed && this.threads.length < this.options.threads) this.start();
  }

  private start(): RenderThread {
    const thread = new RenderThread(this.options, (gone) => {
      const at = this.threads.indexOf(gone);
      if (at >= 0) this.threads.splice(at, 1);
    });
    this.threads.push(thread);
    this.started++;
    return thread;
  }

  stats(): RenderPoolStats {
    return {
      running: this.threads.length,
      jobs: this.threads.reduce((n, t) => n + t.jobs.size, 0),
      drawing: this.threads.reduce((n, t) => n + t.drawingCount, 0),
      queued: this.lines.small.queued + this.lines.large.queued,
      started: this.started,
    };
  }

  /** Stops one thread as a crash would (its maps fail, a new thread takes its place): for the tests. */
  async stopThread(index = 0): Promise<void> {
    await this.threads[index]?.worker.terminate();
  }

  /** Stops every thread; maps still being drawn fail. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

// One bounded pool of child processes (gdalwarp) shared by every request: at most `maxProcesses` run at
// once, the rest wait in a queue. A job's AbortSignal drops it from the queue, or kills its process
// (SIGTERM, then SIGKILL after a grace period) when the request is aborted or passes its deadline.
import { spawn } from 'node:child_process';

/** How long a process may take to exit after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 2000;

export interface ChildResult {
  stdout: Buffer;
  stderr: string;
  /** null when the process was stopped by a signal */
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** The job was aborted (queued or running); `reason` is the signal's reason. */
export class ChildAborted extends Error {
  override name = 'ChildAborted';
  constructor(readonly reason: unknown) {
    super('the child process was aborted');
  }
}

export interface PoolStats {
  /** processes running now */
  running: number;
  /** jobs waiting for a slot */
  queued: number;
  /** the most processes that ever ran at once */
  peakRunning: number;
  /** processes started so far */
  started: number;
}

interface Job {
  start: () => void;
  signal?: AbortSignal;
}

export class ChildProcessPool {
  private readonly queue: Job[] = [];
  private readonly counts = { running: 0, peakRunning: 0, started: 0 };

  constructor(readonly maxProcesses: number) {
    if (!Number.isInteger(maxProcesses) || maxProcesses < 1) {
      throw new RangeError(`maxProcesses must be a positive integer, not ${maxProcesses}`);
    }
  }

  stats(): PoolStats {
    return { ...this.counts, queued: this.queue.length };
  }

  /** Runs `command` when a slot is free; resolves with its output whatever its exit code. */
  run(command: string, args: string[], options: RunOptions = {}): Promise<ChildResult> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new ChildAborted(signal.reason));
    return new Promise((resolve, reject) => {
      const job: Job = {
        signal,
        start: () => {
          signal?.removeEventListener('abort', dropQueued);
          this.spawnJob(command, args, options).then(resolve, reject);
        },
      };
      const dropQueued = () => {
        const at = this.queue.indexOf(job);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new ChildAborted(signal?.reason));
      };
      signal?.addEventListener('abort', dropQueued, { once: true });
      this.queue.push(job);
      this.next();
    });
  }

  private next(): void {
    while (this.counts.running < this.maxProcesses && this.queue.length > 0) {
      this.queue.shift()!.start();
    }
  }

  private spawnJob(command: string, args: string[], options: RunOptions): Promise<ChildResult> {
    const { signal } = options;
    this.counts.running++;
    this.counts.started++;
    this.counts.peakRunning = Math.max(this.counts.peakRunning, this.counts.running);
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(options.env ? { env: options.env } : {}),
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let killTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        finish();
      };
      const abort = () => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        killTimer.unref();
        // the request answers now; the slot is given back when the process has really exited
        settle(() => reject(new ChildAborted(signal?.reason)));
      };
      signal?.addEventListener('abort', abort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      let exited = false;
      const exit = () => {
        if (exited) return;
        exited = true;
        clearTimeout(killTimer);
        signal?.removeEventListener('abort', abort);
        this.counts.running--;
        this.next();
      };
      child.on('error', (error) => {
        exit();
        settle(() => reject(error));
      });
      child.on('close', (code, exitSignal) => {
        exit();
        settle(() =>
          resolve({
            stdout: Buffer.concat(out),
            stderr: Buffer.concat(err).toString('utf8'),
            code,
            signal: exitSignal,
          }),
        );
      });
    });
  }
}

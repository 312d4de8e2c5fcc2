// The AbortSignal of one rendering request: it fires when the client goes away before the answer is
// sent, or when the request has taken longer than its limit, so the work it started (queued and running
// gdalwarp children, streaming queries) stops with it.
import type { Response } from 'express';

/** The reason of a deadline's signal when the time ran out. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
  constructor(readonly limitMs: number) {
    super(`the request took longer than ${limitMs} ms`);
  }
}

/** The reason of a deadline's signal when the client closed the connection. */
export class ClientGone extends Error {
  override name = 'ClientGone';
  constructor() {
    super('the client closed the connection');
  }
}

export interface RequestDeadline {
  signal: AbortSignal;
  /** Resolves with `work`, or rejects with the signal's reason as soon as it fires. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Stops the timer; call when the answer is sent or failed. */
  end(): void;
}

export function requestDeadline(res: Response, limitMs: number): RequestDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(limitMs)), limitMs);
  timer.unref();
  const onClose = () => {
    if (!res.writableFinished) controller.abort(new ClientGone());
  };
  res.on('close', onClose);
  const end = () => {
    clearTimeout(timer);
    res.off('close', onClose);
  };
  return {
    signal: controller.signal,
    end,
    race: <T>(work: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const { signal } = controller;
        if (signal.aborted) {
          work.catch(() => undefined);
          reject(signal.reason);
          return;
        }
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      }),
  };
}

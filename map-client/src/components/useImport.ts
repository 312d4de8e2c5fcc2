// One file import from the browser's side: upload it (with byte progress), then poll the server's
// import job every half second until it succeeds or fails. Leaving the page cancels the polling, not
// the server's job.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { fetchImportJob, isFinished, uploadImport, type UploadRequest } from '../api/imports';
import type { ImportJob } from '../api/types';
import { describeError } from './describeError';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; loadedBytes: number; totalBytes: number | null }
  /** the server has the file; `retrying` is set while job polls fail and are being retried */
  | { phase: 'job'; job: ImportJob; retrying: string | null }
  /** the server refused the upload (no job was made) */
  | { phase: 'rejected'; fileName: string; error: unknown }
  /** the job exists but its progress can no longer be read */
  | { phase: 'lost'; job: ImportJob; error: unknown };

export type ImportRequest = Omit<UploadRequest, 'onProgress' | 'signal'>;

const POLL_INTERVAL_MS = 500;
const MAX_POLL_FAILURES = 10;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** A 4xx answer (e.g. 404, the job is unknown) will not get better by asking again. */
function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && error.status !== null && error.status >= 400 && error.status < 500;
}

export function useImport(
  layerCode: string,
  onFinished: (job: ImportJob) => void,
): { state: ImportState; start: (request: ImportRequest) => Promise<void>; busy: boolean } {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  const onFinishedRef = useRef(onFinished);

  useEffect(() => {
    onFinishedRef.current = onFinished;
  });
  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = useCallback(
    async (request: ImportRequest) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal } = controller;
      const fileName = request.file.name;
      setState({ phase: 'uploading', fileName, loadedBytes: 0, totalBytes: request.file.size });

      let job: ImportJob;
      try {
        job = await uploadImport(layerCode, {
          ...request,
          signal,
          onProgress: (loadedBytes, totalBytes) => {
            if (!signal.aborted) setState({ phase: 'uploading', fileName, loadedBytes, totalBytes });
          },
        });
      } catch (error) {
        if (!signal.aborted) setState({ phase: 'rejected', fileName, error });
        return;
      }

      let failures = 0;
      let retrying: string | null = null;
      while (!signal.aborted) {
        setState({ phase: 'job', job, retrying });
        if (isFinished(job)) {
          onFinishedRef.current(job);
          return;
        }
        await sleep(POLL_INTERVAL_MS * (1 + failures), signal);
        if (signal.aborted) return;
        try {
          job = await fetchImportJob(job.id, signal);
          failures = 0;
          retrying = null;
        } catch (error) {
          if (signal.aborted) return;
          failures += 1;
          if (isPermanent(error) || failures > MAX_POLL_FAILURES) {
            setState({ phase: 'lost', job, error });
            return;
          }
          retrying = describeError(error).message;
        }
      }
    },
    [layerCode],
  );

  const busy = state.phase === 'uploading' || (state.phase === 'job' && !isFinished(state.job));
  return { state, start, busy };
}

// Importing a file into a layer: the multipart upload (XMLHttpRequest, because only it reports upload
// progress) and the import job the server then runs in the background.
import { ApiError, callJson, errorFromResponse, isApiErrorBody } from './client';
import { csrfHeaders, reportCsrfRejected, reportUnauthenticated } from './credentials';
import type { ImportJob, UploadEncoding } from './types';

export interface UploadRequest {
  file: File;
  /** e.g. EPSG:4538; omitted means detect it from the file (.prj, coordinates) */
  srs?: string;
  encoding?: UploadEncoding;
  note?: string;
  /** bytes sent so far; total is null when the browser cannot tell */
  onProgress?: (loadedBytes: number, totalBytes: number | null) => void;
  signal?: AbortSignal;
}

/** The form fields in the order the server reads them: the text fields before the file they describe. */
function formData({ file, srs, encoding, note }: UploadRequest): FormData {
  const form = new FormData();
  if (srs?.trim()) form.append('srs', srs.trim());
  if (encoding) form.append('encoding', encoding);
  if (note?.trim()) form.append('note', note.trim());
  form.append('file', file, file.name);
  return form;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** POST /api/v1/layers/:code/imports; resolves with the queued job (202). */
export function uploadImport(layerCode: string, upload: UploadRequest): Promise<ImportJob> {
  const path = `/api/v1/layers/${encodeURIComponent(layerCode)}/imports`;
  return new Promise((resolve, reject) => {
    const { signal, onProgress } = upload;
    if (signal?.aborted) {
      reject(new DOMException('upload aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbortSignal = () => xhr.abort();
    signal?.addEventListener('abort', onAbortSignal, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbortSignal);

    xhr.upload.addEventListener('progress', (event) => {
      onProgress?.(event.loaded, event.lengthComputable ? event.total : null);
    });
    xhr.addEventListener('load', () => {
      settle();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const job = typeof body === 'object' && body !== null && 'job' in body ? body.job : null;
        if (job && typeof job === 'object') resolve(job as ImportJob);
        else reject(new ApiError('invalid JSON response', path, xhr.status));
        return;
      }
      if (xhr.status === 401) reportUnauthenticated(path);
      if (xhr.status === 403 && isApiErrorBody(body) && body.error.code === 'csrf_failed')
        reportCsrfRejected();
      reject(errorFromResponse(path, xhr.status, xhr.statusText, body, xhr.getResponseHeader('Retry-After')));
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(new ApiError('network error during upload', path, null));
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(new DOMException('upload aborted', 'AbortError'));
    });

    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
    // No Content-Type: the browser sets multipart/form-data with its boundary.
    xhr.send(formData(upload));
  });
}

export async function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  const body = await callJson<{ job: ImportJob }>(`/api/v1/imports/${encodeURIComponent(id)}`, { signal });
  return body.job;
}

export function isFinished(job: ImportJob): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

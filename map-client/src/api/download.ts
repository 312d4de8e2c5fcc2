// Downloads a file from the API (by GET, or by POST with its body) with its progress: the response body is read chunk by chunk, the bytes
// counted against Content-Length (when the server gives one), then handed to the browser as a file.
import { errorFromResponse } from './client';
import { reportUnauthenticated } from './credentials';

export interface DownloadProgress {
  received: number;
  /** null when the server did not say the length */
  total: number | null;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

export async function downloadWithProgress(
  path: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
  /** for a download made by a POST (e.g. a map print): its method, headers and body */
  init: RequestInit = {},
): Promise<DownloadedFile> {
  const response = await fetch(path, { ...init, signal });
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: the status says it
    }
    if (response.status === 401) reportUnauthenticated(path);
    throw errorFromResponse(
      path,
      response.status,
      response.statusText,
      body,
      response.headers.get('Retry-After'),
    );
  }
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  }
  return {
    blob: new Blob(chunks, { type }),
    fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName),
  };
}

/** Hands a downloaded file to the browser's save. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

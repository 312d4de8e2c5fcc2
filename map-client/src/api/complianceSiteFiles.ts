// A site file the browser cannot read itself (zipped Shapefile, DXF, KML, GeoPackage …) sent to
// POST /api/v1/compliance/site-files, which reads it with the importers and answers the site in EPSG:4490
// with its ellipsoidal area. Nothing is stored on the server.
import type { MultiPolygon } from 'geojson';
import { ApiError, errorFromResponse } from './client';
import { csrfHeaders, reportUnauthenticated } from './credentials';

export interface UploadedSite {
  fileName: string;
  format: string | null;
  crs: { code: string; how: string; note: string | null };
  polygonCount: number;
  geometry: MultiPolygon;
  areaM2: number;
  areaHa: number;
  areaMu: number;
  repaired: boolean;
  repairReason: string | null;
}

const PATH = '/api/v1/compliance/site-files';

export async function uploadSiteFile(
  file: File,
  options: { srs?: string; signal?: AbortSignal } = {},
): Promise<UploadedSite> {
  const form = new FormData();
  // the fields before the file they describe, as the server reads them
  if (options.srs?.trim()) form.append('srs', options.srs.trim());
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(PATH, {
      method: 'POST',
      headers: { Accept: 'application/json', ...csrfHeaders('POST') },
      body: form,
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), PATH, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401) reportUnauthenticated(PATH);
  if (!response.ok)
    throw errorFromResponse(
      PATH,
      response.status,
      response.statusText,
      body,
      response.headers.get('Retry-After'),
    );
  if (body === null) throw new ApiError('invalid JSON response', PATH, response.status);
  return body as UploadedSite;
}

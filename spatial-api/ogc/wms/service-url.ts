// The address clients call the WMS at, as the capabilities advertise it: the path the request came in on
// (/wms, or /ows with SERVICE=WMS), on the host and scheme the client used, with the API key it gave.
import type { Request } from 'express';
import { keyQuery } from '../key-parameter';
import { requestOrigin } from '../request-origin';

/** A URL prefix ending in "?" or "&", to which key-value parameters are appended. */
export function serviceUrl(req: Request): string {
  const pathname = req.originalUrl.split('?')[0] ?? '/wms';
  const base = `${requestOrigin(req)}${pathname}`;
  const key = keyQuery(req);
  const prefix = /\/wms$/i.test(pathname) ? `${base}?` : `${base}?SERVICE=WMS&`;
  return key ? `${prefix}${key}&` : prefix;
}

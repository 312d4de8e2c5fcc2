// The public address of the OGC endpoint a request came in on, for capabilities documents.
import type { Request } from 'express';

export function serviceUrl(req: Request, path = '/ows'): string {
  const host = req.get('x-forwarded-host') ?? req.get('host') ?? 'localhost';
  const protocol = req.get('x-forwarded-proto') ?? req.protocol;
  return `${protocol}://${host}${path}`;
}

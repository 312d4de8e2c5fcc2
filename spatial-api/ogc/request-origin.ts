// The scheme and host a client used to reach us, for the absolute addresses capabilities documents and
// TileJSON advertise. Express reads X-Forwarded-Proto and X-Forwarded-Host only when the request comes
// from a proxy the `trust proxy` setting (TRUST_PROXY) names; anyone else's are ignored, as these
// documents are cached and served to everybody.
import type { Request } from 'express';

export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.host ?? 'localhost'}`;
}

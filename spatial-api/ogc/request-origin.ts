// The scheme and host a client used to reach us (honouring a reverse proxy's X-Forwarded-* headers),
// for the absolute addresses capabilities documents and TileJSON advertise.
import type { Request } from 'express';

export function requestOrigin(req: Request): string {
  const host = req.get('x-forwarded-host') ?? req.get('host') ?? 'localhost';
  const protocol = req.get('x-forwarded-proto') ?? req.protocol;
  return `${protocol}://${host}`;
}

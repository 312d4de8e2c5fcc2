// Cross-origin reads: the map services and tiles are open to any site's map client (no credentials, as
// GeoServer's CORS filter does); the REST API answers only the origins in CORS_ORIGINS, with credentials.
import cors from 'cors';
import type { RequestHandler } from 'express';

export function servicesCors(): RequestHandler {
  return cors({ origin: '*', methods: ['GET', 'POST'], maxAge: 600 });
}

export function apiCors(allowed: string[]): RequestHandler {
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.includes(origin)),
    credentials: true,
    allowedHeaders: ['Content-Type', 'X-CSRF-Token', 'Authorization'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}

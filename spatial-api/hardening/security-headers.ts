// Security headers (helmet) for the client and the API: a content security policy that allows what the map
// client needs (its own scripts, canvas images from blob: and data:, inline styles of OpenLayers) and lets
// the pages be framed only by the configured hosts (FRAME_ANCESTORS, for the standard page).
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export function securityHeaders(frameAncestors: string[], tls: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'", ...frameAncestors],
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // framing is decided by frame-ancestors above; X-Frame-Options cannot name other hosts
    frameguard: false,
    // map services and tiles are read by other sites' map clients
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: tls ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
}

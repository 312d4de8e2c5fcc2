// Security headers (helmet) for the client and the API: a content security policy that allows what the map
// client needs (its own scripts, canvas images from blob: and data:, inline styles of OpenLayers). Framing:
// the one-blueprint standard page (/blueprint) may be framed by the allow-list BLUEPRINT_FRAME_ANCESTORS
// (other systems embed it, seed Art. 10); every other page only by the platform's own pages.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** The page other systems embed. */
export const STANDARD_PAGE_PATH = '/blueprint';

function headers(frameAncestors: string[], tls: boolean): RequestHandler {
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
        frameAncestors,
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

/** `standardPageAncestors`: the CSP sources that may frame /blueprint (e.g. 'self', https://oa.example). */
export function securityHeaders(standardPageAncestors: string[], tls: boolean): RequestHandler {
  const standardPage = headers(standardPageAncestors.length > 0 ? standardPageAncestors : ["'none'"], tls);
  const otherPages = headers(["'self'"], tls);
  return (req, res, next) => (req.path === STANDARD_PAGE_PATH ? standardPage : otherPages)(req, res, next);
}

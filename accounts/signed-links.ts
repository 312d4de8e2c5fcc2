// Signed links to the one-blueprint standard page (/blueprint), for systems that can neither sign in nor
// hold an API key: HMAC-SHA256, with the server's secret, over the page's path and the parameters that say
// what it shows (projectCode, layers, bbox) and until when (expires, Unix seconds), sorted by name. The
// link reads those layers and that project, inside that extent, until then, and nothing else: changing any
// of them, or the signature, makes the signature wrong.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNED_LINK_PATH = '/blueprint';
/** What a signature covers, besides the path. */
export const SIGNED_PARAMETERS = ['bbox', 'expires', 'layers', 'projectCode'] as const;
export type SignedParameter = (typeof SIGNED_PARAMETERS)[number];

export type LonLatBox = [number, number, number, number];

/** What a link shows. */
export interface LinkScope {
  projectCode: string | null;
  layers: string[];
  /** minLon, minLat, maxLon, maxLat (CGCS2000); null: anywhere */
  bbox: LonLatBox | null;
}

export interface SignedLink extends LinkScope {
  /** Unix seconds */
  expires: number;
}

export type LinkProblem = 'malformed' | 'tampered' | 'expired';

/** The text a signature is computed over: the path, then the signed parameters present, sorted. */
export function canonicalLink(params: Partial<Record<SignedParameter, string>>): string {
  const query = SIGNED_PARAMETERS.filter((name) => params[name] !== undefined)
    .map((name) => `${name}=${encodeURIComponent(params[name] as string)}`)
    .join('&');
  return `${SIGNED_LINK_PATH}?${query}`;
}

function hmac(secret: Buffer, text: string): Buffer {
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

/** The query of a signed link: the scope's parameters, `expires` and `signature` (base64url). */
export function signLink(secret: Buffer, link: SignedLink): Record<SignedParameter | 'signature', string> {
  const params: Partial<Record<SignedParameter, string>> = {
    ...(link.projectCode !== null ? { projectCode: link.projectCode } : {}),
    layers: link.layers.join(','),
    ...(link.bbox ? { bbox: link.bbox.join(',') } : {}),
    expires: String(link.expires),
  };
  const signature = hmac(secret, canonicalLink(params)).toString('base64url');
  return { ...(params as Record<SignedParameter, string>), signature };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function scopeOf(params: Partial<Record<SignedParameter, string>>, expires: number): SignedLink {
  const bbox = params.bbox?.split(',').map(Number);
  return {
    projectCode: params.projectCode ?? null,
    layers: (params.layers ?? '').split(',').filter((code) => code !== ''),
    bbox: bbox && bbox.length === 4 && bbox.every(Number.isFinite) ? (bbox as LonLatBox) : null,
    expires,
  };
}

/**
 * The link a request's query carries, or why it is refused (with the parameter at fault). The signature
 * is compared before the expiry, so a changed `expires` reads as tampering, not as expiry.
 */
export function verifyLink(
  secret: Buffer,
  query: Record<string, unknown>,
  nowMs = Date.now(),
): SignedLink | { refused: LinkProblem; parameter: string } {
  const signature = text(query.signature);
  const expiresText = text(query.expires);
  if (!signature || !/^[A-Za-z0-9_-]{43}$/.test(signature))
    return { refused: 'malformed', parameter: 'signature' };
  if (!expiresText || !/^\d{1,12}$/.test(expiresText)) return { refused: 'malformed', parameter: 'expires' };
  const params: Partial<Record<SignedParameter, string>> = {};
  for (const name of SIGNED_PARAMETERS) {
    const value = query[name];
    if (value === undefined) continue;
    // a repeated parameter (?layers=a&layers=b) is not what was signed
    if (typeof value !== 'string') return { refused: 'tampered', parameter: name };
    params[name] = value;
  }
  const expected = hmac(secret, canonicalLink(params));
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { refused: 'tampered', parameter: 'signature' };
  const expires = Number(expiresText);
  if (expires * 1000 <= nowMs) return { refused: 'expired', parameter: 'expires' };
  return scopeOf(params, expires);
}

/** Whether the link's extent meets a lon/lat box (always, for a link without one). */
export function linkCovers(link: LinkScope, box: LonLatBox): boolean {
  if (!link.bbox) return true;
  const [minLon, minLat, maxLon, maxLat] = link.bbox;
  return box[0] <= maxLon && box[2] >= minLon && box[1] <= maxLat && box[3] >= minLat;
}

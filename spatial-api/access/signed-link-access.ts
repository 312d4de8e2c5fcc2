// The signed-link credential of the standard page's own requests: its data (GET /api/v1/blueprint) and
// its tiles carry the page's query (projectCode, layers, bbox, expires, signature). Elsewhere a signature
// is no credential at all, so a link reads only what the page shows. A tile outside the link's extent is
// refused like a layer outside its list.
import type { Request } from 'express';
import type { Pool } from 'pg';
import {
  linkCovers,
  linkSigningSecret,
  verifyLink,
  type LinkProblem,
  type LonLatBox,
  type SignedLinkPrincipal,
} from '../../accounts';
import { AppError } from '../errors';
import { forbidden } from './access-errors';

const PAGE_DATA = '/api/v1/blueprint';
const TILE = /^\/tiles\/[^/]+\/(\d+)\/(\d+)\/(\d+)\.(?:mvt|png)$/;

const PROBLEMS: Record<LinkProblem, { status: number; code: string; message: string }> = {
  malformed: {
    status: 400,
    code: 'link_malformed',
    message: '签名链接的参数不完整 / the signed link is incomplete',
  },
  tampered: {
    status: 403,
    code: 'link_tampered',
    message: '签名链接无效（链接被改动过） / the signed link does not match its signature',
  },
  expired: { status: 403, code: 'link_expired', message: '签名链接已过期 / the signed link has expired' },
};

/** The lon/lat box of an XYZ (Web Mercator) tile. */
export function tileLonLatBox(z: number, x: number, y: number): LonLatBox {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Whether the request is one the standard page makes with a signed link's query. */
export function carriesSignedLink(req: Request): boolean {
  if (req.query.signature === undefined) return false;
  const path = req.baseUrl + req.path;
  return path === PAGE_DATA || TILE.test(path);
}

/** The principal of a signed link, or the refusal naming the parameter at fault. */
export async function signedLinkPrincipal(pool: Pool, req: Request): Promise<SignedLinkPrincipal> {
  const verified = verifyLink(await linkSigningSecret(pool), req.query as Record<string, unknown>);
  if ('refused' in verified) {
    const problem = PROBLEMS[verified.refused];
    throw new AppError(problem.status, problem.code, problem.message, {
      parameter: verified.parameter,
      reason: verified.refused,
    });
  }
  const tile = TILE.exec(req.baseUrl + req.path);
  if (tile && !linkCovers(verified, tileLonLatBox(Number(tile[1]), Number(tile[2]), Number(tile[3])))) {
    throw forbidden('该瓦片在签名链接的范围之外 / this tile lies outside the signed link’s extent', {
      parameter: 'bbox',
    });
  }
  return { kind: 'signed_link', link: verified, permissions: new Set(), districts: null };
}

// The signed-link credential of the standard page's own requests: its data (GET /api/v1/blueprint), its
// map images (WMS GetMap) and tiles. They carry the link's signed parameters either as the page's own
// query (projectCode, layers, bbox, expires) or, where those names mean something else (WMS has LAYERS
// and BBOX of its own), packed in one parameter `link` (the signed parameters as a query string), beside
// `signature`. Elsewhere a signature is no credential at all, so a link reads only what the page shows. A
// map or tile outside the link's extent is refused like a layer outside its list.
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
import type { Kvp } from '../ogc/kvp';
import { OgcException } from '../ogc/ogc-exception';
import { forbidden } from './access-errors';

const PAGE_DATA = '/api/v1/blueprint';
const MAP_SERVICES = new Set(['/wms', '/ows']);
const TILE = /^\/tiles\/[^/]+\/(\d+)\/(\d+)\/(\d+)\.(?:mvt|png)$/;
const WEB_MERCATOR_RADIUS = 6378137;

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

/** The path under the middleware's mount point too (baseUrl /wms, path / → /wms). */
function requestPath(req: Request): string {
  return (req.baseUrl + req.path).replace(/(.)\/$/, '$1');
}

/** Whether the request is one the standard page makes with a signed link's query. */
export function carriesSignedLink(req: Request): boolean {
  if (req.query.signature === undefined) return false;
  const path = requestPath(req);
  return path === PAGE_DATA || MAP_SERVICES.has(path) || TILE.test(path);
}

/** The signed parameters and the signature, unpacked from `link` when the request packs them there. */
function linkQuery(query: Record<string, unknown>): Record<string, unknown> {
  if (typeof query.link !== 'string') return query;
  return { ...Object.fromEntries(new URLSearchParams(query.link)), signature: query.signature };
}

/** The principal of a signed link, or the refusal naming the parameter at fault. */
export async function signedLinkPrincipal(pool: Pool, req: Request): Promise<SignedLinkPrincipal> {
  const verified = verifyLink(await linkSigningSecret(pool), linkQuery(req.query as Record<string, unknown>));
  if ('refused' in verified) {
    const problem = PROBLEMS[verified.refused];
    throw new AppError(problem.status, problem.code, problem.message, {
      parameter: verified.parameter,
      reason: verified.refused,
    });
  }
  const tile = TILE.exec(requestPath(req));
  if (tile && !linkCovers(verified, tileLonLatBox(Number(tile[1]), Number(tile[2]), Number(tile[3])))) {
    throw forbidden('该瓦片在签名链接的范围之外 / this tile lies outside the signed link’s extent', {
      parameter: 'bbox',
    });
  }
  return { kind: 'signed_link', link: verified, permissions: new Set(), districts: null };
}

/** A WMS BBOX in Web Mercator or CRS:84 as lon/lat; null for another CRS. */
function lonLatBoxOf(kvp: Kvp): LonLatBox | null {
  const crs = (kvp.get('CRS') ?? kvp.get('SRS') ?? '').toUpperCase();
  const box = (kvp.get('BBOX') ?? '').split(',').map(Number);
  if (box.length < 4 || !box.slice(0, 4).every(Number.isFinite)) return null;
  const [a, b, c, d] = box as [number, number, number, number];
  if (crs === 'CRS:84' || crs === 'OGC:CRS84') return [a, b, c, d];
  if (crs !== 'EPSG:3857' && crs !== 'EPSG:900913') return null;
  const lon = (x: number) => (x / WEB_MERCATOR_RADIUS) * (180 / Math.PI);
  const lat = (y: number) => (Math.atan(Math.sinh(y / WEB_MERCATOR_RADIUS)) * 180) / Math.PI;
  return [lon(a), lat(b), lon(c), lat(d)];
}

/**
 * What a signed link may ask of the map services: the page's maps (WMS GetMap, in Web Mercator or CRS:84)
 * inside its extent; the layers are checked as for any caller.
 */
export function checkSignedLinkOgc(principal: SignedLinkPrincipal, service: 'WMS' | 'WFS', kvp: Kvp): void {
  if (service !== 'WMS' || (kvp.get('REQUEST') ?? '').toLowerCase() !== 'getmap') {
    throw new OgcException(
      'OperationNotSupported',
      'REQUEST',
      '签名链接只用于地图图片（WMS GetMap） / a signed link draws maps (WMS GetMap) only',
      403,
    );
  }
  const box = lonLatBoxOf(kvp);
  if (!box) {
    throw new OgcException(
      'InvalidCRS',
      'CRS',
      '签名链接的地图须用EPSG:3857或CRS:84 / a signed link draws maps in EPSG:3857 or CRS:84',
      403,
    );
  }
  if (!linkCovers(principal.link, box)) {
    throw new OgcException(
      'InvalidParameterValue',
      'BBOX',
      '地图范围在签名链接的范围之外 / the map lies outside the signed link’s extent',
      403,
    );
  }
}

// The one-blueprint standard page's server side (一张蓝图标准页面, seed Art. 10-11): one request with all
// the page needs (its layers as the caller may read them, the extent to frame, the project's panel), and
// the signed links that let another system open it without a login or a key.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import {
  can,
  canReadLayer,
  linkSigningSecret,
  SIGNED_LINK_PATH,
  signLink,
  type LonLatBox,
  type Principal,
} from '../../accounts';
import { selectPageLayers, type LayerSummary } from '../../layers';
import { blueprintProject, ProjectError, type BlueprintProject, type RecordStore } from '../../projects';
import { forbidden } from '../access/access-errors';
import { principalOf } from '../access/principal-of';
import { AppError, badRequest } from '../errors';
import { parseInput } from '../request-body';
import { linkRequest, pageQuery } from './blueprint-parameters';
import { fromProjectError } from './project-error';
import { requestCatalog } from '../request-catalog';

/** Whether the caller sees the project's panel: a reader of projects, or a link made for this project. */
function mayReadProject(principal: Principal, code: string): boolean {
  if (principal.kind === 'signed_link') return principal.link.projectCode === code;
  return can(principal, 'projects.read');
}

/** The project, with its errors naming the page's parameter (projectCode) rather than the API's (code). */
async function readProject(
  records: RecordStore,
  pool: Pool,
  principal: Principal,
  code: string,
): Promise<BlueprintProject> {
  try {
    return await blueprintProject(records, pool, principal, code);
  } catch (error) {
    if (error instanceof ProjectError)
      throw fromProjectError(
        new ProjectError(error.kind, error.message, { ...error.details, parameter: 'projectCode' }),
      );
    throw error;
  }
}

/** The city's extent: its districts', else every layer's. */
function cityBox(catalog: readonly LayerSummary[]): LonLatBox | null {
  const districts = catalog.filter((layer) => layer.kind === 'admin_division' && layer.extent);
  const boxes = (districts.length > 0 ? districts : catalog).flatMap((layer) =>
    layer.extent ? [layer.extent] : [],
  );
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** A bbox that misses the city (often longitude and latitude swapped) shows nothing: a 400 naming bbox. */
function requireInCity(bbox: LonLatBox | undefined, catalog: readonly LayerSummary[]): void {
  const city = cityBox(catalog);
  if (!bbox || !city) return;
  if (bbox[0] <= city[2] && bbox[2] >= city[0] && bbox[1] <= city[3] && bbox[3] >= city[1]) return;
  throw badRequest(
    `范围不在本市内（是否把经度和纬度写反了？） / bbox lies outside the city (${city.join(',')}); lon/lat swapped?`,
    { parameter: 'bbox', cityBbox: city },
  );
}

/**
 * The panel's project, or null for a project of another district (a district-scoped user still sees the
 * map, with the panel saying the project is withheld); an unknown code stays a 404 naming projectCode.
 */
async function visibleProject(
  records: RecordStore,
  pool: Pool,
  principal: Principal,
  code: string,
): Promise<BlueprintProject | null> {
  try {
    return await readProject(records, pool, principal, code);
  } catch (error) {
    if (error instanceof AppError && error.status === 403) return null;
    throw error;
  }
}

function unknownLayers(codes: string[]) {
  return badRequest(`图层不存在：${codes.join('、')} / unknown layer ${codes.join(', ')}`, {
    parameter: 'layers',
    value: codes,
  });
}

export function blueprintPageHandler(pool: Pool, records: RecordStore): RequestHandler {
  return async (req, res) => {
    const query = parseInput(pageQuery.passthrough(), req.query);
    const principal = principalOf(res);
    const { layers: catalog } = await requestCatalog(pool);
    requireInCity(query.bbox, catalog);
    const selection = selectPageLayers(catalog, query.layers ?? null, (layer) =>
      canReadLayer(principal, layer),
    );
    if (selection.unknown.length > 0) throw unknownLayers(selection.unknown);
    const code = query.projectCode;
    const project =
      code && mayReadProject(principal, code) ? await visibleProject(records, pool, principal, code) : null;
    const frame: LonLatBox | null = query.bbox ?? project?.site?.bbox ?? null;
    res.json({
      // what the page draws and lists; the catalog's styles and schemas stay out of its few kilobytes
      layers: selection.layers.map(({ code, name, kind, geometryType, extent }) => ({
        code,
        name,
        kind,
        geometryType,
        extent,
      })),
      withheld: selection.withheld,
      frame,
      projectCode: code ?? null,
      project,
      // a project was named but the caller may not see it: the page says so instead of an empty panel
      projectWithheld: code !== undefined && project === null,
    });
  };
}

const MIN_PADDING_DEGREES = 0.002;

/** A site's extent with room around it, as a link's extent (the page frames the site inside it). */
function paddedBox([minLon, minLat, maxLon, maxLat]: LonLatBox): LonLatBox {
  const padLon = Math.max((maxLon - minLon) * 0.5, MIN_PADDING_DEGREES);
  const padLat = Math.max((maxLat - minLat) * 0.5, MIN_PADDING_DEGREES);
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return [round(minLon - padLon), round(minLat - padLat), round(maxLon + padLon), round(maxLat + padLat)];
}

export function issueLinkHandler(pool: Pool, records: RecordStore): RequestHandler {
  return async (req, res) => {
    const principal = principalOf(res);
    // a key is read-only and a link is a grant: only a person issues one
    if (principal.kind !== 'user')
      throw forbidden('签名链接须由登录用户签发 / a signed-in user issues signed links');
    const body = parseInput(linkRequest, req.body);
    const { layers: catalog } = await requestCatalog(pool);
    requireInCity(body.bbox, catalog);
    const selection = selectPageLayers(catalog, body.layers ?? null, (layer) =>
      canReadLayer(principal, layer),
    );
    if (selection.unknown.length > 0) throw unknownLayers(selection.unknown);
    // a link grants no more than its issuer may read
    if (body.layers && selection.withheld.length > 0)
      throw forbidden(
        `无权查看图层：${selection.withheld.join('、')} / you may not read ${selection.withheld.join(', ')}`,
        {
          parameter: 'layers',
          value: selection.withheld,
        },
      );
    const project = body.projectCode ? await readProject(records, pool, principal, body.projectCode) : null;
    const siteBox = project?.site ? paddedBox(project.site.bbox) : null;
    const expires = Math.floor(Date.now() / 1000) + body.expiresInMinutes * 60;
    const link = {
      projectCode: body.projectCode ?? null,
      layers: selection.layers.map((layer) => layer.code),
      bbox: body.bbox ?? siteBox,
      expires,
    };
    const query = signLink(await linkSigningSecret(pool), link);
    res.status(201).json({
      signedUrl: `${SIGNED_LINK_PATH}?${new URLSearchParams(query).toString()}`,
      query,
      ...link,
      expiresAt: new Date(expires * 1000).toISOString(),
    });
  };
}

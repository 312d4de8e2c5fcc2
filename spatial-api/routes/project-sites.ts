// A project's site over REST: set it (a drawing as GeoJSON, pasted boundary-coordinate text, or a file
// uploaded as multipart and read by the importers), each change a new version with its reason; read it
// (current, numbered or as of a date), list its versions, and compare two.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  diffSiteVersions,
  findProject,
  listSiteVersions,
  readSiteVersion,
  setProjectSite,
  siteFromDrawing,
  type RecordStore,
  type SourcedSite,
} from '../../projects';
import type { Config } from '../config';
import { principalOf } from '../access/principal-of';
import { badRequest, notFound } from '../errors';
import { parseInput } from '../request-body';
import { projectHandler } from './project-error';
import { siteFromBoundaryText } from '../imports/site-files';
import { readSiteUpload } from '../imports/site-upload';

const MAX_BOUNDARY_TEXT = 512 * 1024;

const change = {
  reason: z.string().trim().min(1, '必须说明原因 / reason is required').max(1000),
  expectedVersion: z.coerce.number().int().min(0),
};

const jsonChange = z
  .object({
    ...change,
    geometry: z.unknown().optional(),
    crs: z.string().min(1).optional(),
    boundaryText: z.string().min(1).max(MAX_BOUNDARY_TEXT).optional(),
  })
  .strict();

/** The JSON body parser for drawings and pasted text; a multipart upload passes through to the handler. */
export function siteBody(json: RequestHandler): RequestHandler {
  return (req, res, next) => (req.is('multipart/form-data') ? next() : json(req, res, next));
}

function userIdOf(res: Parameters<RequestHandler>[1]): number | null {
  const principal = principalOf(res);
  return principal.kind === 'user' ? principal.user.id : null;
}

export function putSiteHandler(
  pool: Pool,
  store: RecordStore,
  config: Pick<Config, 'uploadDir' | 'importMaxBytes'>,
): RequestHandler {
  return projectHandler(async (req, res) => {
    const code = String(req.params.code);
    const principal = principalOf(res);
    // the project and the caller's scope first: nothing is read for a project one may not change
    await findProject(store, principal, code);
    let site: SourcedSite;
    let reason: string;
    let expectedVersion: number;
    if (req.is('multipart/form-data')) {
      const upload = await readSiteUpload(req, config, change);
      ({ site } = upload);
      ({ reason, expectedVersion } = upload.fields);
    } else {
      const body = parseInput(jsonChange, req.body);
      ({ reason, expectedVersion } = body);
      if ((body.geometry === undefined) === (body.boundaryText === undefined))
        throw badRequest(
          '请给出geometry（绘制的范围）或boundaryText（界址点坐标文本）之一，或以multipart上传文件 / give geometry or boundaryText, or upload a file',
          { parameter: body.geometry === undefined ? 'geometry' : 'boundaryText' },
        );
      if (body.boundaryText !== undefined && body.crs !== undefined)
        throw badRequest('界址点坐标文本自带坐标系，不能再给crs / boundary text declares its own CRS', {
          parameter: 'crs',
        });
      site =
        body.boundaryText !== undefined
          ? await siteFromBoundaryText(body.boundaryText, config.uploadDir)
          : siteFromDrawing(body.geometry, body.crs);
    }
    const result = await setProjectSite(store, pool, principal, code, {
      site,
      reason,
      expectedVersion,
      userId: userIdOf(res),
    });
    res.status(201).location(`/api/v1/projects/${code}/site?version=${result.version}`).json(result);
  });
}

const siteQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
  asOf: z.string().pipe(z.coerce.date()).optional(),
});

export function getSiteHandler(pool: Pool, store: RecordStore): RequestHandler {
  return projectHandler(async (req, res) => {
    const q = parseInput(siteQuery, req.query);
    if (q.version !== undefined && q.asOf !== undefined)
      throw badRequest('version与asOf只能给一个 / give version or asOf, not both', { parameter: 'asOf' });
    const project = await findProject(store, principalOf(res), String(req.params.code));
    const site = await readSiteVersion(pool, project.id, q);
    if (!site)
      throw notFound(
        `项目${project.code}在所给条件下没有用地范围 / project ${project.code} has no site that matches`,
        {
          parameter: q.version !== undefined ? 'version' : q.asOf !== undefined ? 'asOf' : 'code',
        },
      );
    const { geometry, bbox, ...properties } = site;
    res.type('application/geo+json').json({
      type: 'Feature',
      id: `${project.code}/${site.version}`,
      bbox,
      geometry,
      properties: { projectCode: project.code, ...properties },
    });
  });
}

export function listSiteVersionsHandler(pool: Pool, store: RecordStore): RequestHandler {
  return projectHandler(async (req, res) => {
    const project = await findProject(store, principalOf(res), String(req.params.code));
    const versions = await listSiteVersions(pool, project.id);
    res.json({ projectCode: project.code, currentVersion: versions[0]?.version ?? 0, versions });
  });
}

const versionNo = z.coerce.number().int().min(1);

export function diffSiteVersionsHandler(pool: Pool, store: RecordStore): RequestHandler {
  return projectHandler(async (req, res) => {
    const { a, b } = parseInput(z.object({ a: versionNo, b: versionNo }), req.params);
    const project = await findProject(store, principalOf(res), String(req.params.code));
    res.json(await diffSiteVersions(pool, { id: project.id, code: project.code }, a, b));
  });
}

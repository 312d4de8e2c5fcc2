// The projects API: list (filters, search, spatial filters, sort, paging, GeoJSON for the map), create,
// read (the record with its sections) and update (optimistic locking on lockVersion), all within the
// caller's district scope.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  createProject,
  DETAIL_SECTIONS,
  INVESTMENT_TYPES,
  listProjects,
  PROJECT_SORT_KEYS,
  PROJECT_STAGES,
  projectDetail,
  updateProject,
  type DetailSection,
  type ProjectSortKey,
  type RecordStore,
} from '../../projects';
import { principalOf } from '../access/principal-of';
import { badRequest } from '../errors';
import { parseInput } from '../request-body';
import { projectHandler } from './project-error';

const DEFAULT_PAGE = 1000;
const MAX_RADIUS_M = 100_000;
const DAY_MS = 24 * 3600 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const numbers = (count: number, message: string) =>
  z
    .string()
    .transform((s) => s.split(',').map(Number))
    .refine((n) => n.length === count && n.every(Number.isFinite), message);

const position = z.array(z.number().finite()).min(2).max(3);
const polygonCoordinates = z.array(z.array(position).min(4)).min(1);
const polygonal = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates).min(1) }),
]);

const listQuery = z.object({
  district: z
    .string()
    .regex(/^[0-9]{6}$/, '应为6位区县代码 / a 6-digit district code')
    .optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  type: z.string().min(1).optional(),
  investmentType: z.enum(INVESTMENT_TYPES).optional(),
  constructionUnit: z.string().min(1).max(200).optional(),
  acceptedFrom: z.string().pipe(z.coerce.date()).optional(),
  acceptedTo: z.string().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  bbox: numbers(4, '应为minLon,minLat,maxLon,maxLat / expected minLon,minLat,maxLon,maxLat')
    .refine(
      (b) => b[0]! < b[2]! && b[1]! < b[3]!,
      '应为minLon,minLat,maxLon,maxLat / expected minLon,minLat,maxLon,maxLat',
    )
    .optional(),
  within: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: '不是JSON / not JSON' });
        return z.NEVER;
      }
    })
    .pipe(polygonal)
    .optional(),
  near: numbers(2, '应为lon,lat / expected lon,lat')
    .refine((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90, '经纬度超出范围 / lon,lat out of range')
    .optional(),
  radiusM: z.coerce.number().positive().max(MAX_RADIUS_M).optional(),
  sort: z
    .string()
    .refine(
      (s) => (PROJECT_SORT_KEYS as string[]).includes(s.replace(/^-/, '')),
      `可选：${PROJECT_SORT_KEYS.join(', ')}（前加-为降序） / one of ${PROJECT_SORT_KEYS.join(', ')}, - for descending`,
    )
    .default('code'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'geojson']).default('json'),
});

/** The end of the accepted range, exclusive: a date alone includes its whole day. */
function acceptedBefore(to: string | undefined): Date | undefined {
  if (to === undefined) return undefined;
  const date = new Date(to);
  if (Number.isNaN(date.getTime()))
    throw badRequest(`参数“acceptedTo”不是日期 / invalid parameter acceptedTo`, { parameter: 'acceptedTo' });
  return DATE_ONLY.test(to) ? new Date(date.getTime() + DAY_MS) : new Date(date.getTime() + 1);
}

export function listProjectsHandler(pool: Pool): RequestHandler {
  return projectHandler(async (req, res) => {
    const q = parseInput(listQuery, req.query);
    if ((q.near === undefined) !== (q.radiusM === undefined))
      throw badRequest('near与radiusM须同时给出 / give near and radiusM together', {
        parameter: q.near === undefined ? 'near' : 'radiusM',
      });
    const descending = q.sort.startsWith('-');
    const page = await listProjects(pool, principalOf(res), {
      ...(q.district ? { districtCode: q.district } : {}),
      ...(q.stage ? { stage: q.stage } : {}),
      ...(q.type ? { projectType: q.type } : {}),
      ...(q.investmentType ? { investmentType: q.investmentType } : {}),
      ...(q.constructionUnit ? { constructionUnit: q.constructionUnit } : {}),
      ...(q.acceptedFrom ? { acceptedFrom: q.acceptedFrom } : {}),
      ...(q.acceptedTo ? { acceptedBefore: acceptedBefore(q.acceptedTo)! } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.bbox ? { bbox: q.bbox as [number, number, number, number] } : {}),
      ...(q.within ? { within: q.within } : {}),
      ...(q.near && q.radiusM !== undefined
        ? { near: { lon: q.near[0]!, lat: q.near[1]!, radiusM: q.radiusM } }
        : {}),
      sort: { key: q.sort.replace(/^-/, '') as ProjectSortKey, descending },
      limit: q.limit ?? DEFAULT_PAGE,
      offset: q.offset,
      withGeometry: q.format === 'geojson',
    });
    if (q.format === 'geojson') {
      res.type('application/geo+json').json({
        type: 'FeatureCollection',
        numberMatched: page.numberMatched,
        numberReturned: page.projects.length,
        features: page.projects.map(({ geometry, ...properties }) => ({
          type: 'Feature',
          id: properties.code,
          properties,
          geometry: geometry ?? null,
        })),
      });
      return;
    }
    res.json({
      numberMatched: page.numberMatched,
      numberReturned: page.projects.length,
      offset: q.offset,
      projects: page.projects,
    });
  });
}

const fields = {
  name: z.string().trim().min(1).max(200),
  constructionUnit: z.string().trim().min(1).max(200),
  investmentType: z.enum(INVESTMENT_TYPES),
  projectType: z.string().trim().min(1).max(100),
  stage: z.enum(PROJECT_STAGES),
  totalInvestmentWanYuan: z.number().finite().min(0).max(999_999_999_999).nullable(),
};

const createBody = z
  .object({
    code: z.string().trim().min(1),
    districtCode: z.string().regex(/^[0-9]{6}$/, '应为6位区县代码 / a 6-digit district code'),
    ...fields,
    stage: fields.stage.default('land_use_planning'),
    totalInvestmentWanYuan: fields.totalInvestmentWanYuan.optional(),
  })
  .strict();

const updateBody = z
  .object({
    lockVersion: z.number().int().min(0),
    name: fields.name.optional(),
    constructionUnit: fields.constructionUnit.optional(),
    investmentType: fields.investmentType.optional(),
    projectType: fields.projectType.optional(),
    stage: fields.stage.optional(),
    totalInvestmentWanYuan: fields.totalInvestmentWanYuan.optional(),
  })
  .strict();

export function createProjectHandler(store: RecordStore): RequestHandler {
  return projectHandler(async (req, res) => {
    const body = parseInput(createBody, req.body);
    const project = await createProject(store, principalOf(res), body);
    res.status(201).location(`/api/v1/projects/${project.code}`).json({ project });
  });
}

/**
 * `sections=a,b` reads only those sections of the detail (`sections=` none: a page that loads each section
 * on its own asks for the record alone); without it, all of them.
 */
function sectionsAsked(raw: unknown): readonly DetailSection[] {
  if (raw === undefined) return DETAIL_SECTIONS;
  const names = String(raw)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.map((name) => {
    const section = DETAIL_SECTIONS.find((s) => s.name === name);
    if (!section)
      throw badRequest(
        `没有这个部分“${name}” / no section "${name}": use ${DETAIL_SECTIONS.map((s) => s.name).join(', ')}`,
        { parameter: 'sections', value: name },
      );
    return section;
  });
}

export function getProjectHandler(pool: Pool, store: RecordStore): RequestHandler {
  return projectHandler(async (req, res) => {
    const sections = sectionsAsked(req.query.sections);
    res.json(await projectDetail(store, pool, principalOf(res), String(req.params.code), sections));
  });
}

export function updateProjectHandler(store: RecordStore): RequestHandler {
  return projectHandler(async (req, res) => {
    const body = parseInput(updateBody, req.body);
    const change = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const project = await updateProject(
      store,
      principalOf(res),
      String(req.params.code),
      change as typeof body,
    );
    res.json({ project });
  });
}

// Lists projects: filters on the record (district, stage, type, investment type, construction unit, the
// accepted date range), a search over name, code and unit (and their pinyin initials), and spatial filters on the current site (the map
// extent, a polygon the sites lie within, a distance from a point), sorted and paged as the features API,
// within the caller's district scope.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Principal } from '../accounts';
import type { Queryable } from '../layers';
import { areaUnits } from '../compliance-rules';
import { mayBeInitials } from './pinyin-initials';
import { invalid } from './project-error';

const LIST = readFileSync(path.join(__dirname, 'queries', 'list-projects.sql'), 'utf8');
const ORDER_MARKER = '/* ORDER */';
if (LIST.split(ORDER_MARKER).length !== 2) throw new Error('list-projects.sql must hold one ORDER marker');

/** sort keys and the columns they order by; the id breaks ties so pages never overlap */
const SORT_COLUMNS = {
  code: 'code',
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  stage: 'stage',
  district: 'district_code',
  siteArea: 'site_area_m2',
  investment: 'total_investment_wan_yuan',
  distance: 'distance_m',
} as const;
export type ProjectSortKey = keyof typeof SORT_COLUMNS;
export const PROJECT_SORT_KEYS = Object.keys(SORT_COLUMNS) as ProjectSortKey[];

export interface ProjectListQuery {
  districtCode?: string;
  stage?: string;
  projectType?: string;
  investmentType?: string;
  /** a substring of the construction unit */
  constructionUnit?: string;
  acceptedFrom?: Date;
  /** exclusive */
  acceptedBefore?: Date;
  /** a substring of the name, code or construction unit, or of their pinyin initials (xjdl: 新疆道路…) */
  q?: string;
  bbox?: [number, number, number, number];
  within?: Polygon | MultiPolygon;
  near?: { lon: number; lat: number; radiusM: number };
  sort: { key: ProjectSortKey; descending: boolean };
  limit: number;
  offset: number;
  withGeometry: boolean;
}

export interface ProjectListItem {
  code: string;
  name: string;
  constructionUnit: string;
  investmentType: string;
  projectType: string;
  districtCode: string;
  districtName: string | null;
  stage: string;
  totalInvestmentWanYuan: number | null;
  /** the current site's version number, null without a site */
  siteVersion: number | null;
  siteAreaM2: number | null;
  siteAreaHa: number | null;
  siteAreaMu: number | null;
  /** metres from `near`, when asked */
  distanceM?: number | null;
  lockVersion: number;
  createdAt: string;
  updatedAt: string;
  geometry?: Polygon | MultiPolygon | null;
}

export interface ProjectPage {
  numberMatched: number;
  projects: ProjectListItem[];
}

interface Row {
  number_matched: number;
  projects: (Omit<ProjectListItem, 'siteAreaHa' | 'siteAreaMu' | 'totalInvestmentWanYuan'> & {
    totalInvestmentWanYuan: number | string | null;
  })[];
}

/** `%text%` for LIKE, with the pattern characters in the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function orderClause(sort: ProjectListQuery['sort'], hasNear: boolean): string {
  if (sort.key === 'distance' && !hasNear)
    throw invalid('按距离排序需要near参数 / sort=distance needs near', { parameter: 'sort' });
  const direction = sort.descending ? 'DESC' : 'ASC';
  return `${SORT_COLUMNS[sort.key]} ${direction} NULLS LAST, id ${direction}`;
}

function toIso(value: string): string {
  return new Date(value).toISOString();
}

export async function listProjects(
  db: Queryable,
  principal: Principal,
  query: ProjectListQuery,
): Promise<ProjectPage> {
  const scope = principal.districts && principal.districts.length > 0 ? [...principal.districts] : null;
  const [minX, minY, maxX, maxY] = query.bbox ?? [null, null, null, null];
  const text = LIST.replace(ORDER_MARKER, orderClause(query.sort, query.near !== undefined));
  const { rows } = await db.query<Row>(text, [
    scope,
    query.districtCode ?? null,
    query.stage ?? null,
    query.projectType ?? null,
    query.investmentType ?? null,
    query.constructionUnit !== undefined ? containsPattern(query.constructionUnit) : null,
    query.acceptedFrom ?? null,
    query.acceptedBefore ?? null,
    query.q !== undefined ? containsPattern(query.q) : null,
    minX,
    minY,
    maxX,
    maxY,
    query.within ? JSON.stringify(query.within) : null,
    query.near?.lon ?? null,
    query.near?.lat ?? null,
    query.near?.radiusM ?? null,
    query.limit,
    query.offset,
    query.withGeometry,
    query.q !== undefined && mayBeInitials(query.q) ? containsPattern(query.q.toLowerCase()) : null,
  ]);
  const row = rows[0]!;
  return {
    numberMatched: row.number_matched,
    projects: row.projects.map((p) => {
      const area = p.siteAreaM2 === null ? null : areaUnits(p.siteAreaM2);
      const { geometry, distanceM, ...rest } = p;
      return {
        ...rest,
        totalInvestmentWanYuan:
          rest.totalInvestmentWanYuan === null ? null : Number(rest.totalInvestmentWanYuan),
        siteAreaM2: area?.areaM2 ?? null,
        siteAreaHa: area?.areaHa ?? null,
        siteAreaMu: area?.areaMu ?? null,
        ...(query.near
          ? {
              distanceM:
                distanceM === null || distanceM === undefined ? null : Math.round(distanceM * 100) / 100,
            }
          : {}),
        createdAt: toIso(rest.createdAt),
        updatedAt: toIso(rest.updatedAt),
        ...(query.withGeometry ? { geometry: geometry ?? null } : {}),
      };
    }),
  };
}

// 5.14: projects counted and their site areas summed (ellipsoidal, on the CGCS2000 ellipsoid through
// PostGIS geography) by district, stage, project type and month of registration.
import { QueryTypes } from 'sequelize';
import type { Principal } from '../../accounts';
import type { ProjectStage } from '../models';
import type { RecordStore } from '../record-store';
import { STAGE_NAMES } from '../approvals/stages';
import { filterConditions, type StatisticsFilters } from './statistics-filters';

export interface AreaFigures {
  count: number;
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface ProjectGroup extends AreaFigures {
  key: string;
  label: string;
}

export interface ProjectStatistics {
  filters: StatisticsFilters;
  total: AreaFigures;
  byDistrict: ProjectGroup[];
  byStage: ProjectGroup[];
  byType: ProjectGroup[];
  byMonth: ProjectGroup[];
}

interface Row {
  dimension: 'total' | 'district' | 'stage' | 'type' | 'month';
  key: string | null;
  n: string;
  area_m2: number;
}

const M2_PER_HA = 10_000;
const M2_PER_MU = 10_000 / 15;

function figures(row: Row | undefined): AreaFigures {
  const m2 = row?.area_m2 ?? 0;
  return {
    count: Number(row?.n ?? 0),
    areaM2: Math.round(m2 * 100) / 100,
    areaHa: Math.round((m2 / M2_PER_HA) * 10_000) / 10_000,
    areaMu: Math.round((m2 / M2_PER_MU) * 100) / 100,
  };
}

export async function projectStatistics(
  store: RecordStore,
  principal: Principal,
  filters: StatisticsFilters,
): Promise<ProjectStatistics> {
  const { where, bind } = filterConditions(principal, filters, 'p.created_at');
  const rows = await store.sequelize.query<Row>(
    `WITH scoped AS (
       SELECT p.district_code, p.stage, p.project_type,
         to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
         coalesce(ST_Area(v.geom::geography, true), 0) AS area_m2
       FROM projects p
       LEFT JOIN project_site_versions v ON v.id = p.current_site_version_id
       WHERE ${where})
     SELECT CASE
         WHEN GROUPING(district_code) = 0 THEN 'district'
         WHEN GROUPING(stage) = 0 THEN 'stage'
         WHEN GROUPING(project_type) = 0 THEN 'type'
         WHEN GROUPING(month) = 0 THEN 'month'
         ELSE 'total' END AS dimension,
       coalesce(district_code, stage, project_type, month) AS key,
       count(*) AS n, sum(area_m2)::float8 AS area_m2
     FROM scoped
     GROUP BY GROUPING SETS ((), (district_code), (stage), (project_type), (month))
     ORDER BY dimension, key`,
    { bind, type: QueryTypes.SELECT },
  );
  const group = (dimension: Row['dimension'], label: (key: string) => string = (k) => k) =>
    rows
      .filter((r) => r.dimension === dimension && r.key !== null)
      .map((r) => ({ key: r.key ?? '', label: label(r.key ?? ''), ...figures(r) }));
  return {
    filters,
    total: figures(rows.find((r) => r.dimension === 'total')),
    byDistrict: group('district'),
    byStage: group('stage', (k) => STAGE_NAMES[k as ProjectStage] ?? k),
    byType: group('type'),
    byMonth: group('month'),
  };
}

// Reading a project's site history: the versions with who, when and why; one version's geometry (by
// number, as of a moment, or the current one) with its area; and the difference between two versions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon } from 'geojson';
import type { Queryable } from '../../layers';
import { areaUnits } from '../../compliance-rules';
import { notFound } from '../project-error';

const query = (name: string) => readFileSync(path.join(__dirname, '..', 'queries', name), 'utf8');
const VERSIONS = query('site-versions.sql');
const VERSION = query('site-version.sql');
const DIFF = query('site-diff.sql');

export interface Areas {
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface SiteVersionSummary extends Areas {
  version: number;
  reason: string;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
  /** the compliance check run on this version (the latest), if any */
  check: { id: string; verdict: string } | null;
}

export interface SiteVersion extends SiteVersionSummary {
  geometry: MultiPolygon;
  bbox: [number, number, number, number];
}

export interface SiteDiff {
  projectCode: string;
  from: { version: number } & Areas;
  to: { version: number } & Areas;
  same: boolean;
  added: Areas & { geometry: MultiPolygon | null };
  removed: Areas & { geometry: MultiPolygon | null };
  kept: Areas;
}

interface VersionRow {
  id: string;
  version_no: number;
  reason: string;
  created_at: Date | string;
  created_by: string | null;
  current: boolean;
  area_m2: number;
  check_id?: string | null;
  check_verdict?: string | null;
  geometry?: MultiPolygon;
  bbox?: number[];
}

const iso = (value: Date | string) => new Date(value).toISOString();

function summaryOf(row: VersionRow): SiteVersionSummary {
  return {
    version: row.version_no,
    reason: row.reason,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    current: row.current,
    ...areaUnits(row.area_m2),
    check: row.check_id ? { id: row.check_id, verdict: row.check_verdict ?? '' } : null,
  };
}

export async function listSiteVersions(db: Queryable, projectId: number): Promise<SiteVersionSummary[]> {
  const { rows } = await db.query<VersionRow>(VERSIONS, [projectId]);
  return rows.map(summaryOf);
}

/** The version numbered `version`, else the one current at `asOf`, else the current one; undefined: none. */
export async function readSiteVersion(
  db: Queryable,
  projectId: number,
  at: { version?: number; asOf?: Date } = {},
): Promise<SiteVersion | undefined> {
  const { rows } = await db.query<VersionRow>(VERSION, [projectId, at.version ?? null, at.asOf ?? null]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...summaryOf(row),
    geometry: row.geometry!,
    bbox: row.bbox as [number, number, number, number],
  };
}

interface DiffRow {
  same: boolean;
  from_m2: number;
  to_m2: number;
  kept_m2: number;
  added_m2: number;
  removed_m2: number;
  added: MultiPolygon | null;
  removed: MultiPolygon | null;
}

export async function diffSiteVersions(
  db: Queryable,
  project: { id: number; code: string },
  from: number,
  to: number,
): Promise<SiteDiff> {
  const { rows } = await db.query<DiffRow>(DIFF, [project.id, from, to]);
  const row = rows[0];
  if (!row) {
    const { rows: known } = await db.query<{ version_no: number }>(
      'SELECT version_no FROM project_site_versions WHERE project_id = $1 AND version_no = ANY($2::int[])',
      [project.id, [from, to]],
    );
    const missing = [from, to].find((v) => !known.some((k) => k.version_no === v));
    throw notFound(
      `项目${project.code}没有第${missing}版用地范围 / project ${project.code} has no site version ${missing}`,
      {
        parameter: missing === from ? 'a' : 'b',
        value: missing,
      },
    );
  }
  return {
    projectCode: project.code,
    from: { version: from, ...areaUnits(row.from_m2) },
    to: { version: to, ...areaUnits(row.to_m2) },
    same: row.same,
    added: { ...areaUnits(row.added_m2), geometry: row.added },
    removed: { ...areaUnits(row.removed_m2), geometry: row.removed },
    kept: areaUnits(row.kept_m2),
  };
}

// Sets a project's site as a new version: in one transaction it locks the project, refuses a stale
// `expectedVersion`, prepares the site as a compliance check does (validation, repair, the city's limits),
// appends the version with who and why, and moves the project's current site to it. After the commit the
// compliance check runs on the new site and is kept with the version (compliance_runs.site_version_id).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon } from 'geojson';
import type { Pool } from 'pg';
import type { Principal } from '../../accounts';
import { areaUnits, ComplianceError, prepareCitySite, runCheck, type Verdict } from '../../compliance-rules';
import { conflict, invalid } from '../project-error';
import { findProject } from '../project-records';
import type { RecordStore } from '../record-store';
import { queryableOf } from '../sequelize-queryable';
import type { SiteSource, SourcedSite } from './site-sources';

const INSERT = readFileSync(path.join(__dirname, '..', 'queries', 'insert-site-version.sql'), 'utf8');

export interface SiteChange {
  site: SourcedSite;
  reason: string;
  /** the site version the caller last saw (0: none yet) */
  expectedVersion: number;
  userId: number | null;
}

export interface SiteChangeResult {
  projectCode: string;
  version: number;
  reason: string;
  createdAt: string;
  areaM2: number;
  areaHa: number;
  areaMu: number;
  repaired: boolean;
  repairReason: string | null;
  source: SiteSource;
  /** the compliance check run on the new site, or why it could not run (the site is kept either way) */
  check: { id: string; verdict: Verdict; verificationCode: string | null } | null;
  checkError: string | null;
}

interface Inserted {
  id: string;
  version_no: number;
  created_at: Date | string;
  geometry: MultiPolygon;
  area_m2: number;
}

/** The prepared site's refusals, as the projects domain's errors naming where the site came from. */
function fromCompliance(error: unknown, source: SiteSource): unknown {
  if (!(error instanceof ComplianceError)) return error;
  const parameter =
    error.details.parameter === 'geometry' && source.kind !== 'drawing'
      ? source.kind === 'file'
        ? 'file'
        : 'boundaryText'
      : error.details.parameter;
  return invalid(error.message, { ...error.details, parameter });
}

export async function setProjectSite(
  store: RecordStore,
  pool: Pool,
  principal: Principal,
  code: string,
  change: SiteChange,
): Promise<SiteChangeResult> {
  const reason = change.reason.trim();
  if (reason === '')
    throw invalid('必须说明变更用地范围的原因 / reason is required', { parameter: 'reason' });
  const saved = await store.sequelize.transaction(async (transaction) => {
    const project = await findProject(store, principal, code, { transaction, lock: true });
    const db = queryableOf(store.sequelize, transaction);
    const { rows } = await db.query<{ latest: number }>(
      'SELECT coalesce(max(version_no), 0)::int AS latest FROM project_site_versions WHERE project_id = $1',
      [project.id],
    );
    const latest = rows[0]!.latest;
    if (change.expectedVersion !== latest)
      throw conflict(
        `用地范围已被他人修改（当前为第${latest}版，您依据的是第${change.expectedVersion}版），请刷新后重试 / the site changed: it is at version ${latest}, not ${change.expectedVersion}`,
        { parameter: 'expectedVersion', given: change.expectedVersion, siteVersion: latest },
      );
    const site = await prepareCitySite(db, change.site.geometry, change.site.crs).catch((error: unknown) => {
      throw fromCompliance(error, change.site.source);
    });
    const inserted = (
      await db.query<Inserted>(INSERT, [project.id, latest + 1, site.ewkb, reason, change.userId])
    ).rows[0]!;
    project.currentSiteVersionId = Number(inserted.id);
    await project.save({ transaction });
    return { inserted, site, projectCode: project.code };
  });
  const { inserted, site } = saved;
  let check: SiteChangeResult['check'] = null;
  let checkError: string | null = null;
  try {
    const run = await runCheck(pool, {
      geometry: inserted.geometry,
      projectCode: saved.projectCode,
      siteVersionId: inserted.id,
      userId: change.userId,
    });
    check = { id: run.id, verdict: run.verdict, verificationCode: run.verificationCode };
  } catch (error) {
    // the site is committed: a check that cannot run is said, not turned into a failed change
    checkError =
      error instanceof ComplianceError
        ? error.message
        : '合规性审查未能完成，可稍后重新审查 / the compliance check could not run; run it again later';
  }
  return {
    projectCode: saved.projectCode,
    version: inserted.version_no,
    reason,
    createdAt: new Date(inserted.created_at).toISOString(),
    ...areaUnits(inserted.area_m2),
    repaired: site.repaired,
    repairReason: site.repairReason,
    source: change.site.source,
    check,
    checkError,
  };
}

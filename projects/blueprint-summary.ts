// A project as the standard page's information panel shows it (一张蓝图标准页面): the record, its current
// site with its ellipsoidal area, the latest compliance verdict and where its approval stands. Read through
// the project detail with three small sections of its own, so the page gets one answer of a few kilobytes.
import type { MultiPolygon } from 'geojson';
import type { Principal } from '../accounts';
import { listRuns } from '../compliance-rules';
import type { Queryable } from '../layers';
import { approvalsOfProject } from './approvals/approval-records';
import { projectDetail, type DetailSection } from './project-detail';
import type { ProjectRecord } from './project-records';
import type { RecordStore } from './record-store';
import { readSiteVersion } from './sites/site-versions';

export interface BlueprintSite {
  version: number;
  geometry: MultiPolygon;
  /** minLon, minLat, maxLon, maxLat (CGCS2000) */
  bbox: [number, number, number, number];
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface BlueprintApproval {
  stage: string;
  stageName: string;
  item: string;
  status: string;
  acceptedAt: string;
  decidedAt: string | null;
  dueDate: string;
  /** near or past its time limit, with the message, while in progress */
  warning: { level: string; message: string } | null;
}

export interface BlueprintProject {
  project: Pick<
    ProjectRecord,
    'code' | 'name' | 'constructionUnit' | 'projectType' | 'districtCode' | 'stage'
  > & { districtName: string | null };
  site: BlueprintSite | null;
  latestCheck: { id: string; verdict: string; createdAt: string } | null;
  /** the approval record that stands latest, in the project's stage when it has one there */
  approval: BlueprintApproval | null;
}

const site: DetailSection = {
  name: 'site',
  async read({ db, project }): Promise<BlueprintSite | null> {
    const version = await readSiteVersion(db, project.id);
    if (!version) return null;
    const { geometry, bbox, areaM2, areaHa, areaMu } = version;
    return { version: version.version, geometry, bbox, areaM2, areaHa, areaMu };
  },
};

const latestCheck: DetailSection = {
  name: 'latestCheck',
  async read({ db, project }) {
    const [run] = await listRuns(db, { projectCode: project.code, limit: 1 });
    return run ? { id: run.id, verdict: run.verdict, createdAt: run.createdAt } : null;
  },
};

const approval: DetailSection = {
  name: 'approval',
  async read({ store, project }): Promise<BlueprintApproval | null> {
    const { records } = await approvalsOfProject(store, project.id);
    const byAcceptance = [...records].sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt));
    const inStage = byAcceptance.filter((record) => record.stage === project.stage);
    const record = (inStage.length > 0 ? inStage : byAcceptance).at(-1);
    if (!record) return null;
    return {
      stage: record.stage,
      stageName: record.stageName,
      item: record.item,
      status: record.status,
      acceptedAt: record.acceptedAt,
      decidedAt: record.decidedAt,
      dueDate: record.dueDate,
      warning: record.warning,
    };
  },
};

/** The panel's project, within the caller's district scope (404 unknown, 403 another district's). */
export async function blueprintProject(
  store: RecordStore,
  db: Queryable,
  principal: Principal,
  code: string,
): Promise<BlueprintProject> {
  const detail = await projectDetail(store, db, principal, code, [site, latestCheck, approval]);
  const { project } = detail;
  return {
    project: {
      code: project.code,
      name: project.name,
      constructionUnit: project.constructionUnit,
      projectType: project.projectType,
      districtCode: project.districtCode,
      districtName: project.districtName,
      stage: project.stage,
    },
    site: detail.site as BlueprintSite | null,
    latestCheck: detail.latestCheck as BlueprintProject['latestCheck'],
    approval: detail.approval as BlueprintApproval | null,
  };
}

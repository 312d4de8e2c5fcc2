// A project as its page shows it: the record, then named sections read side by side. The sections are a
// list so that other parts of the domain plug theirs in (planning generation, approval records) with one
// entry each; a section reads what hangs off the project and answers plain JSON.
import type { Feature, MultiPolygon } from 'geojson';
import type { Principal } from '../accounts';
import { listRuns } from '../compliance-rules';
import type { Queryable } from '../layers';
import type { Project } from './models';
import { districtName } from './districts';
import { findProject, recordOf, type ProjectRecord } from './project-records';
import type { RecordStore } from './record-store';
import { listSiteVersions, readSiteVersion } from './sites/site-versions';
import { approvalsOfProject } from './approvals/approval-records';
import { planningOfProject } from './planning/planning-of-project';

export interface DetailContext {
  db: Queryable;
  store: RecordStore;
  principal: Principal;
  project: Project;
}

export interface DetailSection {
  /** the key of the section in the detail */
  name: string;
  read(context: DetailContext): Promise<unknown>;
}

/** The current site as a GeoJSON Feature (EPSG:4490) with its version and area, or null. */
export const siteSection: DetailSection = {
  name: 'site',
  async read({ db, project }): Promise<Feature<MultiPolygon> | null> {
    const site = await readSiteVersion(db, project.id);
    if (!site) return null;
    const { geometry, bbox, ...properties } = site;
    return { type: 'Feature', id: project.code, bbox, geometry, properties };
  },
};

export const siteHistorySection: DetailSection = {
  name: 'siteHistory',
  read: ({ db, project }) => listSiteVersions(db, project.id),
};

export const COMPLIANCE_RUNS_SHOWN = 20;

export const complianceRunsSection: DetailSection = {
  name: 'complianceRuns',
  read: ({ db, project }) => listRuns(db, { projectCode: project.code, limit: COMPLIANCE_RUNS_SHOWN }),
};

/** The planning tasks (项目策划生成) with their departments' opinions, newest first. */
export const planningSection: DetailSection = {
  name: 'planning',
  read: ({ store, project }) => planningOfProject(store, project.id),
};

/** The current approval records (审批记录) with due dates, and those near or past their limit. */
export const approvalsSection: DetailSection = {
  name: 'approvals',
  read: ({ store, project }) => approvalsOfProject(store, project.id),
};

/** The sections of a project's detail, in order. */
export const DETAIL_SECTIONS: readonly DetailSection[] = [
  siteSection,
  siteHistorySection,
  complianceRunsSection,
  planningSection,
  approvalsSection,
];

export type ProjectDetail = { project: ProjectRecord & { districtName: string | null } } & Record<
  string,
  unknown
>;

export async function projectDetail(
  store: RecordStore,
  db: Queryable,
  principal: Principal,
  code: string,
  sections: readonly DetailSection[] = DETAIL_SECTIONS,
): Promise<ProjectDetail> {
  const project = await findProject(store, principal, code);
  const context: DetailContext = { db, store, principal, project };
  const [name, ...read] = await Promise.all([
    districtName(db, project.districtCode),
    ...sections.map((section) => section.read(context)),
  ]);
  const detail: ProjectDetail = {
    project: { ...recordOf(project), districtName: (name as string | undefined) ?? null },
  };
  sections.forEach((section, i) => (detail[section.name] = read[i]));
  return detail;
}

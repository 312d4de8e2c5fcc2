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

/** The sections of a project's detail, in order; planning and approvals add theirs here. */
export const DETAIL_SECTIONS: readonly DetailSection[] = [
  siteSection,
  siteHistorySection,
  complianceRunsSection,
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

// The projects domain's public face.
export { openRecordStore } from './record-store';
export type { RecordStore } from './record-store';
export * from './models';
export * from './approvals';
export * from './statistics';
export * from './planning';
export { ProjectError } from './project-error';
export type { ProjectErrorKind } from './project-error';
export { checkProjectCode } from './project-code';
export { createProject, findProject, recordOf, updateProject } from './project-records';
export type { NewProject, ProjectFields, ProjectRecord } from './project-records';
export { listProjects, PROJECT_SORT_KEYS } from './list-projects';
export { fillProjectInitials } from './fill-project-initials';
export { mayBeInitials, pinyinInitials } from './pinyin-initials';
export type { ProjectListItem, ProjectListQuery, ProjectPage, ProjectSortKey } from './list-projects';
export {
  complianceRunsSection,
  DETAIL_SECTIONS,
  projectDetail,
  siteHistorySection,
  siteSection,
} from './project-detail';
export type { DetailContext, DetailSection, ProjectDetail } from './project-detail';
export { queryableOf } from './sequelize-queryable';
export { setProjectSite } from './sites/set-project-site';
export type { SiteChange, SiteChangeResult } from './sites/set-project-site';
export { combinePolygons, siteFromDrawing, siteFromPolygons } from './sites/site-sources';
export type { SiteSource, SourcedSite } from './sites/site-sources';
export { diffSiteVersions, listSiteVersions, readSiteVersion } from './sites/site-versions';
export type { SiteDiff, SiteVersion, SiteVersionSummary } from './sites/site-versions';
export { blueprintProject } from './blueprint-summary';
export type { BlueprintApproval, BlueprintProject, BlueprintSite } from './blueprint-summary';

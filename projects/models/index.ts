// Every Sequelize model of the projects domain, defined on one Sequelize instance with their associations.
import type { Sequelize } from 'sequelize';
import { defineApprovalItem, type ApprovalItem } from './approval-item-model';
import { defineApprovalRecord, type ApprovalRecord } from './approval-record-model';
import { defineCalendarDay, type CalendarDay } from './calendar-day-model';
import { definePlanningOpinion, type PlanningOpinion } from './planning-opinion-model';
import { definePlanningTaskDepartment, type PlanningTaskDepartment } from './planning-task-department-model';
import { definePlanningTask, type PlanningTask } from './planning-task-model';
import { defineProject, type Project } from './project-model';
import { defineProjectSiteVersion, type ProjectSiteVersion } from './project-site-version-model';

export interface ProjectModels {
  Project: typeof Project;
  ApprovalRecord: typeof ApprovalRecord;
  ApprovalItem: typeof ApprovalItem;
  CalendarDay: typeof CalendarDay;
  PlanningTask: typeof PlanningTask;
  PlanningTaskDepartment: typeof PlanningTaskDepartment;
  PlanningOpinion: typeof PlanningOpinion;
  ProjectSiteVersion: typeof ProjectSiteVersion;
}

export function defineModels(sequelize: Sequelize): ProjectModels {
  const models = {
    Project: defineProject(sequelize),
    ApprovalRecord: defineApprovalRecord(sequelize),
    ApprovalItem: defineApprovalItem(sequelize),
    CalendarDay: defineCalendarDay(sequelize),
    PlanningTask: definePlanningTask(sequelize),
    PlanningTaskDepartment: definePlanningTaskDepartment(sequelize),
    PlanningOpinion: definePlanningOpinion(sequelize),
    ProjectSiteVersion: defineProjectSiteVersion(sequelize),
  };
  models.Project.hasMany(models.ProjectSiteVersion, { foreignKey: 'projectId', as: 'siteVersions' });
  models.ProjectSiteVersion.belongsTo(models.Project, { foreignKey: 'projectId', as: 'project' });
  // planning generation: a project's tasks, a task's invited departments and opinions
  models.Project.hasMany(models.PlanningTask, { foreignKey: 'projectId', as: 'planningTasks' });
  models.PlanningTask.belongsTo(models.Project, { foreignKey: 'projectId', as: 'project' });
  models.PlanningTask.hasMany(models.PlanningTaskDepartment, { foreignKey: 'taskId', as: 'invitations' });
  models.PlanningTask.hasMany(models.PlanningOpinion, { foreignKey: 'taskId', as: 'opinions' });
  return models;
}

export * from './planning-opinion-model';
export * from './planning-task-department-model';
export * from './planning-task-model';
export * from './project-model';
export * from './approval-record-model';
export * from './approval-item-model';
export * from './calendar-day-model';
export * from './project-site-version-model';

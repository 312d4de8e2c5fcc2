// Every Sequelize model of the projects domain, defined on one Sequelize instance with their associations.
import type { Sequelize } from 'sequelize';
import { defineProject, type Project } from './project-model';
import { defineProjectSiteVersion, type ProjectSiteVersion } from './project-site-version-model';

export interface ProjectModels {
  Project: typeof Project;
  ProjectSiteVersion: typeof ProjectSiteVersion;
}

export function defineModels(sequelize: Sequelize): ProjectModels {
  const models = {
    Project: defineProject(sequelize),
    ProjectSiteVersion: defineProjectSiteVersion(sequelize),
  };
  models.Project.hasMany(models.ProjectSiteVersion, { foreignKey: 'projectId', as: 'siteVersions' });
  models.ProjectSiteVersion.belongsTo(models.Project, { foreignKey: 'projectId', as: 'project' });
  return models;
}

export * from './project-model';
export * from './project-site-version-model';

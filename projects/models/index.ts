// Every Sequelize model of the projects domain, defined on one Sequelize instance with their associations.
import type { Sequelize } from 'sequelize';
import { defineProject, type Project } from './project-model';

export interface ProjectModels {
  Project: typeof Project;
}

export function defineModels(sequelize: Sequelize): ProjectModels {
  const models = { Project: defineProject(sequelize) };
  return models;
}

export * from './project-model';

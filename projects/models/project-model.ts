// A construction project (工程建设项目): the record; its site geometry lives in project_site_versions.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { pinyinInitials } from '../pinyin-initials';
import { numberOrNull } from './number-column';

export const PROJECT_STAGES = [
  'land_use_planning',
  'construction_planning',
  'construction',
  'completion',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const INVESTMENT_TYPES = ['government', 'social'] as const;
export type InvestmentType = (typeof INVESTMENT_TYPES)[number];

/** 项目代码: year-district-industry-type-serial, e.g. 2024-650102-83-01-000100. */
export const PROJECT_CODE_PATTERN = /^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$/;

export class Project extends Model<InferAttributes<Project>, InferCreationAttributes<Project>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare constructionUnit: string;
  declare investmentType: InvestmentType;
  declare projectType: string;
  declare districtCode: string;
  declare stage: ProjectStage;
  declare totalInvestmentWanYuan: number | null;
  declare currentSiteVersionId: CreationOptional<number | null>;
  /** pinyin initials of the name and the unit, written with them (migration 023) */
  declare nameInitials: CreationOptional<string | null>;
  declare unitInitials: CreationOptional<string | null>;
  declare lockVersion: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A class of its own per Sequelize instance, so that two stores in one process do not share one. */
export function defineProject(sequelize: Sequelize): typeof Project {
  const bound = class extends Project {};
  bound.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      code: {
        type: DataTypes.TEXT,
        allowNull: false,
        unique: true,
        validate: { is: PROJECT_CODE_PATTERN },
      },
      name: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: true } },
      constructionUnit: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: true } },
      investmentType: {
        type: DataTypes.TEXT,
        allowNull: false,
        validate: { isIn: [[...INVESTMENT_TYPES]] },
      },
      projectType: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: true } },
      districtCode: { type: DataTypes.TEXT, allowNull: false, validate: { is: /^[0-9]{6}$/ } },
      stage: { type: DataTypes.TEXT, allowNull: false, validate: { isIn: [[...PROJECT_STAGES]] } },
      // numeric(14,2) arrives from pg as a string; the getter gives a number
      totalInvestmentWanYuan: {
        type: DataTypes.DECIMAL(14, 2),
        allowNull: true,
        validate: { min: 0 },
        get(this: Project): number | null {
          return numberOrNull(this.getDataValue('totalInvestmentWanYuan'));
        },
      },
      currentSiteVersionId: {
        type: DataTypes.BIGINT,
        allowNull: true,
        get(this: Project): number | null {
          return numberOrNull(this.getDataValue('currentSiteVersionId'));
        },
      },
      nameInitials: { type: DataTypes.TEXT, allowNull: true },
      unitInitials: { type: DataTypes.TEXT, allowNull: true },
      lockVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    // optimistic locking: an update names the version it read and fails when another came first
    {
      sequelize,
      modelName: 'Project',
      tableName: 'projects',
      version: 'lockVersion',
      hooks: {
        // the initials follow the name and the unit whenever a record is created or changed
        beforeSave(project: Project) {
          project.nameInitials = pinyinInitials(project.name);
          project.unitInitials = pinyinInitials(project.constructionUnit);
        },
      },
    },
  );
  return bound;
}

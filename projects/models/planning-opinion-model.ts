// A department's opinion on a planning task. The table is append-only: a revision is a new row naming the
// one it supersedes; what the department drew is in planning_opinion_geometries (PostGIS SQL).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { numberOrNull } from './number-column';

/** A file attached to an opinion, stored by its SHA-256 under the upload folder. */
export interface OpinionAttachment {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export class PlanningOpinion extends Model<
  InferAttributes<PlanningOpinion>,
  InferCreationAttributes<PlanningOpinion>
> {
  declare id: CreationOptional<number>;
  declare taskId: number;
  declare departmentId: number;
  declare authorId: number | null;
  /** the opinion's free text (column `conditions`, as the first schema named it) */
  declare text: string;
  declare conditionItems: CreationOptional<unknown[]>;
  declare conditionChecks: CreationOptional<unknown[]>;
  /** the assessments the department requires, by their catalogue names */
  declare requiredAssessments: CreationOptional<string[]>;
  declare reusedAssessments: CreationOptional<unknown[]>;
  declare attachments: CreationOptional<OpinionAttachment[]>;
  declare siteVersionId: number | null;
  declare supersedesId: number | null;
  declare createdAt: CreationOptional<Date>;
}

export function definePlanningOpinion(sequelize: Sequelize): typeof PlanningOpinion {
  const bound = class extends PlanningOpinion {};
  bound.init(
    {
      id: {
        type: DataTypes.BIGINT,
        primaryKey: true,
        autoIncrement: true,
        get(this: PlanningOpinion) {
          return numberOrNull(this.getDataValue('id')) as number;
        },
      },
      taskId: { type: DataTypes.INTEGER, allowNull: false },
      departmentId: { type: DataTypes.INTEGER, allowNull: false },
      authorId: { type: DataTypes.INTEGER, allowNull: true },
      text: { type: DataTypes.TEXT, allowNull: false, field: 'conditions', validate: { notEmpty: true } },
      conditionItems: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      conditionChecks: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      requiredAssessments: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      reusedAssessments: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      attachments: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      siteVersionId: {
        type: DataTypes.BIGINT,
        allowNull: true,
        get(this: PlanningOpinion) {
          return numberOrNull(this.getDataValue('siteVersionId'));
        },
      },
      supersedesId: {
        type: DataTypes.BIGINT,
        allowNull: true,
        get(this: PlanningOpinion) {
          return numberOrNull(this.getDataValue('supersedesId'));
        },
      },
      createdAt: DataTypes.DATE,
    },
    { sequelize, modelName: 'PlanningOpinion', tableName: 'planning_opinions', updatedAt: false },
  );
  return bound;
}

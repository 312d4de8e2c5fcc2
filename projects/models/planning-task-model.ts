// A planning-generation task (项目策划生成): a lead department asks invited departments for their opinions
// on a project by a deadline, then concludes it into the opinion document (策划意见书).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const PLANNING_TASK_STATUSES = ['open', 'consolidating', 'concluded'] as const;
export type PlanningTaskStatus = (typeof PLANNING_TASK_STATUSES)[number];

export class PlanningTask extends Model<
  InferAttributes<PlanningTask>,
  InferCreationAttributes<PlanningTask>
> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare leadDepartmentId: number;
  declare title: string;
  declare status: CreationOptional<PlanningTaskStatus>;
  /** the last day for opinions, YYYY-MM-DD */
  declare deadline: string;
  declare conclusion: CreationOptional<string | null>;
  declare concludedAt: CreationOptional<Date | null>;
  declare concludedBy: CreationOptional<number | null>;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
}

export function definePlanningTask(sequelize: Sequelize): typeof PlanningTask {
  const bound = class extends PlanningTask {};
  bound.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      projectId: { type: DataTypes.INTEGER, allowNull: false },
      leadDepartmentId: { type: DataTypes.INTEGER, allowNull: false },
      title: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: true } },
      status: {
        type: DataTypes.TEXT,
        allowNull: false,
        defaultValue: 'open',
        validate: { isIn: [[...PLANNING_TASK_STATUSES]] },
      },
      deadline: { type: DataTypes.DATEONLY, allowNull: false, validate: { isDate: true } },
      conclusion: { type: DataTypes.TEXT, allowNull: true },
      concludedAt: { type: DataTypes.DATE, allowNull: true },
      concludedBy: { type: DataTypes.INTEGER, allowNull: true },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { sequelize, modelName: 'PlanningTask', tableName: 'planning_tasks', updatedAt: false },
  );
  return bound;
}

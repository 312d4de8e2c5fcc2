// A department invited to give its opinion on a planning task.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class PlanningTaskDepartment extends Model<
  InferAttributes<PlanningTaskDepartment>,
  InferCreationAttributes<PlanningTaskDepartment>
> {
  declare taskId: number;
  declare departmentId: number;
  declare invitedAt: CreationOptional<Date>;
}

export function definePlanningTaskDepartment(sequelize: Sequelize): typeof PlanningTaskDepartment {
  const bound = class extends PlanningTaskDepartment {};
  bound.init(
    {
      taskId: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      departmentId: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      invitedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    },
    {
      sequelize,
      modelName: 'PlanningTaskDepartment',
      tableName: 'planning_task_departments',
      timestamps: false,
    },
  );
  return bound;
}

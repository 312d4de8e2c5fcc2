// The catalogue of approval items (审批事项) per stage: the department handling each and its legal time
// limit in working days (data, migration 021).
import {
  DataTypes,
  Model,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { PROJECT_STAGES, type ProjectStage } from './project-model';

export class ApprovalItem extends Model<
  InferAttributes<ApprovalItem>,
  InferCreationAttributes<ApprovalItem>
> {
  declare stage: ProjectStage;
  declare item: string;
  declare departmentCode: string;
  declare timeLimitWorkingDays: number;
  declare position: number;
}

export function defineApprovalItem(sequelize: Sequelize): typeof ApprovalItem {
  const bound = class extends ApprovalItem {};
  bound.init(
    {
      stage: {
        type: DataTypes.TEXT,
        primaryKey: true,
        validate: { isIn: [[...PROJECT_STAGES]] },
      },
      item: { type: DataTypes.TEXT, primaryKey: true, validate: { notEmpty: true } },
      departmentCode: { type: DataTypes.TEXT, allowNull: false },
      timeLimitWorkingDays: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
      position: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
    },
    {
      sequelize,
      modelName: 'ApprovalItem',
      tableName: 'approval_item_catalogue',
      timestamps: false,
    },
  );
  return bound;
}

// An approval record (审批记录): one item of one stage of a project, accepted, decided or corrected. The
// table is append-only: a decision or a correction is a new record superseding the one it revises.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { numberOrNull } from './number-column';
import { PROJECT_STAGES, type ProjectStage } from './project-model';

export const APPROVAL_STATUSES = ['in_progress', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const DECIDED_STATUSES = ['approved', 'rejected', 'withdrawn'] as const;
export type DecidedStatus = (typeof DECIDED_STATUSES)[number];
export const APPROVAL_RECORD_KINDS = ['registration', 'decision', 'correction'] as const;
export type ApprovalRecordKind = (typeof APPROVAL_RECORD_KINDS)[number];

export class ApprovalRecord extends Model<
  InferAttributes<ApprovalRecord>,
  InferCreationAttributes<ApprovalRecord>
> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare stage: ProjectStage;
  declare item: string;
  declare departmentId: number;
  declare acceptedAt: Date;
  declare decidedAt: Date | null;
  declare timeLimitWorkingDays: number;
  declare status: ApprovalStatus;
  declare result: string | null;
  declare documentNo: string | null;
  declare kind: ApprovalRecordKind;
  declare supersedesId: number | null;
  declare note: CreationOptional<string>;
  declare recordedBy: number | null;
  declare createdAt: CreationOptional<Date>;
}

const bigintAsNumber = (field: 'id' | 'supersedesId') =>
  function (this: ApprovalRecord): number | null {
    return numberOrNull(this.getDataValue(field));
  };

export function defineApprovalRecord(sequelize: Sequelize): typeof ApprovalRecord {
  const bound = class extends ApprovalRecord {};
  bound.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, get: bigintAsNumber('id') },
      projectId: { type: DataTypes.INTEGER, allowNull: false },
      stage: { type: DataTypes.TEXT, allowNull: false, validate: { isIn: [[...PROJECT_STAGES]] } },
      item: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: true } },
      departmentId: { type: DataTypes.INTEGER, allowNull: false },
      acceptedAt: { type: DataTypes.DATE, allowNull: false },
      decidedAt: { type: DataTypes.DATE, allowNull: true },
      timeLimitWorkingDays: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
      status: { type: DataTypes.TEXT, allowNull: false, validate: { isIn: [[...APPROVAL_STATUSES]] } },
      result: { type: DataTypes.TEXT, allowNull: true },
      documentNo: { type: DataTypes.TEXT, allowNull: true },
      kind: { type: DataTypes.TEXT, allowNull: false, validate: { isIn: [[...APPROVAL_RECORD_KINDS]] } },
      supersedesId: { type: DataTypes.BIGINT, allowNull: true, get: bigintAsNumber('supersedesId') },
      note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      recordedBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    {
      sequelize,
      modelName: 'ApprovalRecord',
      tableName: 'approval_records',
      updatedAt: false,
      validate: {
        decidedAfterAccepted(this: ApprovalRecord) {
          if (this.decidedAt && this.decidedAt.getTime() < this.acceptedAt.getTime()) {
            throw new Error('decided before accepted');
          }
        },
        decidedWhenStatusSaysSo(this: ApprovalRecord) {
          if ((this.status === 'in_progress') !== (this.decidedAt === null)) {
            throw new Error('an item in progress has no decision date, a decided one has one');
          }
        },
        chainedUnlessRegistration(this: ApprovalRecord) {
          if ((this.kind === 'registration') !== (this.supersedesId === null)) {
            throw new Error('a decision or correction supersedes a record; a registration none');
          }
        },
      },
    },
  );
  return bound;
}

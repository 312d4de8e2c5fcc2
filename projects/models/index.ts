// Every Sequelize model of the projects domain, defined on one Sequelize instance with their associations.
import type { Sequelize } from 'sequelize';
import { defineApprovalItem, type ApprovalItem } from './approval-item-model';
import { defineApprovalRecord, type ApprovalRecord } from './approval-record-model';
import { defineCalendarDay, type CalendarDay } from './calendar-day-model';
import { defineProject, type Project } from './project-model';

export interface ProjectModels {
  Project: typeof Project;
  ApprovalRecord: typeof ApprovalRecord;
  ApprovalItem: typeof ApprovalItem;
  CalendarDay: typeof CalendarDay;
}

export function defineModels(sequelize: Sequelize): ProjectModels {
  const models = {
    Project: defineProject(sequelize),
    ApprovalRecord: defineApprovalRecord(sequelize),
    ApprovalItem: defineApprovalItem(sequelize),
    CalendarDay: defineCalendarDay(sequelize),
  };
  return models;
}

export * from './project-model';
export * from './approval-record-model';
export * from './approval-item-model';
export * from './calendar-day-model';

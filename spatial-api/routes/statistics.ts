// Statistics (5.14) over REST: projects and site areas by district, stage, type and month; approval times
// per department and stage against their limits. JSON for charts, or CSV (`?format=csv`, cells neutralised).
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { csvCell } from '../../importers';
import {
  approvalStatistics,
  projectStatistics,
  type AreaFigures,
  type RecordStore,
  type StatisticsFilters,
} from '../../projects';
import { principalOf } from '../access/principal-of';
import { badRequest } from '../errors';
import { parseInput } from '../request-body';
import { approvalHandler } from './approval-errors';
import { calendarDay } from './calendar-day-param';

const day = calendarDay;
const query = z.object({
  from: day.optional(),
  to: day.optional(),
  district: z
    .string()
    .regex(/^[0-9]{6}$/, '行政区代码为 6 位数字 / a 6-digit district code')
    .optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

function filtersOf(q: z.infer<typeof query>): StatisticsFilters {
  if (q.from && q.to && q.from > q.to) {
    throw badRequest(`起始日期 ${q.from} 晚于截止日期 ${q.to} / from lies after to`, { parameter: 'from' });
  }
  return {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.district ? { district: q.district } : {}),
  };
}

function sendCsv(res: Response, name: string, header: string[], rows: unknown[][]): void {
  const line = (row: unknown[]) => row.map(csvCell).join(',');
  res
    .type('text/csv; charset=utf-8')
    .attachment(name)
    .send(`\ufeff${[header, ...rows].map(line).join('\r\n')}\r\n`);
}

export function statisticsHandlers(store: RecordStore) {
  const projects: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(query, req.query);
    const stats = await projectStatistics(store, principalOf(res), filtersOf(q));
    if (q.format === 'json') {
      res.json(stats);
      return;
    }
    const row = (dimension: string, key: string, label: string, f: AreaFigures) => [
      dimension,
      key,
      label,
      f.count,
      f.areaM2,
      f.areaHa,
      f.areaMu,
    ];
    const rows = [
      row('total', '', '合计', stats.total),
      ...stats.byDistrict.map((g) => row('district', g.key, g.label, g)),
      ...stats.byStage.map((g) => row('stage', g.key, g.label, g)),
      ...stats.byType.map((g) => row('type', g.key, g.label, g)),
      ...stats.byMonth.map((g) => row('month', g.key, g.label, g)),
    ];
    sendCsv(
      res,
      'project-statistics.csv',
      ['维度 dimension', '分组 key', '名称 label', '项目数 count', '面积 m²', '面积 公顷', '面积 亩'],
      rows,
    );
  });
  const approvals: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(query, req.query);
    const stats = await approvalStatistics(store, principalOf(res), filtersOf(q));
    if (q.format === 'json') {
      res.json(stats);
      return;
    }
    sendCsv(
      res,
      'approval-statistics.csv',
      [
        '部门 department',
        '部门名称 department name',
        '阶段 stage',
        '阶段名称 stage name',
        '件数 count',
        '平均工作日 mean',
        '中位工作日 median',
        '最长工作日 max',
        '最短时限 limit min',
        '最长时限 limit max',
        '超期件数 overdue',
        '超期率 overdue rate',
      ],
      stats.groups.map((g) => [
        g.department.code,
        g.department.name,
        g.stage,
        g.stageName,
        g.count,
        g.meanWorkingDays,
        g.medianWorkingDays,
        g.maxWorkingDays,
        g.timeLimitWorkingDays.min,
        g.timeLimitWorkingDays.max,
        g.overdueCount,
        g.overdueRate,
      ]),
    );
  });
  return { projects, approvals };
}

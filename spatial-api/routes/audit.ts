// The audit log for admins: GET /api/v1/audit (filters, paging; format=csv for a download) and
// GET /api/v1/audit/verify (walks the hash chain).
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { AUDIT_ACTIONS, queryAudit, verifyAuditChain, type AuditRow } from '../../accounts';
import { csvCell } from '../../importers';
import { parseInput } from '../request-body';

const query = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  username: z.string().max(64).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

const CSV_HEADER = [
  '序号 seq',
  '时间 at',
  '操作 action',
  '用户 username',
  '密钥 apiKeyId',
  '对象类型 targetType',
  '对象 targetId',
  '地址 clientIp',
  '详情 details',
];

function csvRow(row: AuditRow): string {
  return [
    row.seq,
    row.at,
    row.action,
    row.username ?? '',
    row.apiKeyId ?? '',
    row.targetType ?? '',
    row.targetId ?? '',
    row.clientIp ?? '',
    JSON.stringify(row.details),
  ]
    .map(csvCell)
    .join(',');
}

export function auditHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { format, ...q } = parseInput(query, req.query);
    const result = await queryAudit(pool, {
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.username ? { username: q.username } : {}),
      ...(q.targetType ? { targetType: q.targetType } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment('audit-log.csv')
        .send(`\ufeff${CSV_HEADER.map(csvCell).join(',')}\r\n${result.rows.map(csvRow).join('\r\n')}\r\n`);
      return;
    }
    res.json({ total: result.total, limit: q.limit, offset: q.offset, entries: result.rows });
  };
}

export function verifyAuditHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    const report = await verifyAuditChain(pool);
    res.json({ intact: report.broken === null, ...report });
  };
}

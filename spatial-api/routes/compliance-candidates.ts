// Candidate sites over REST: the plan parcels (or merged adjacent parcels) that pass every prohibit rule for
// a project type and area, in the district asked or the caller's own districts, ranked by fit.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { inDistrictScope } from '../../accounts';
import { findCandidates } from '../../compliance-rules';
import { principalOf } from '../access/principal-of';
import { forbidden } from '../access/access-errors';
import { parseInput } from '../request-body';
import { complianceHandler } from './compliance-error';

const area = z.number({ error: '面积必须是数字 / area must be a number' }).optional();

const candidateBody = z.object({
  areaM2: area,
  areaHa: area,
  areaMu: area,
  projectType: z.string({ error: '必须提供项目类型 / projectType is required' }).min(1),
  districtCode: z
    .string()
    .regex(/^[0-9]{6}$/, '行政区代码为6位数字 / a six-digit district code')
    .optional(),
  ruleSet: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

export function candidatesHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const body = parseInput(candidateBody, req.body);
    const principal = principalOf(res);
    if (body.districtCode !== undefined && !inDistrictScope(principal, body.districtCode))
      throw forbidden(
        `行政区“${body.districtCode}”不在您的管辖区域内 / the district ${body.districtCode} lies outside your districts`,
        { parameter: 'districtCode', value: body.districtCode },
      );
    res.json(await findCandidates(pool, { ...body, scopeDistricts: principal.districts }));
  });
}

// Rule sets over REST, for rule administrators: list, read (current or ?version=), replace (a new version).
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  listRuleSets,
  listRuleSetVersions,
  readRuleSet,
  saveRuleSet,
  type StoredRuleSet,
} from '../../compliance-rules';
import { principalOf } from '../access/principal-of';
import { parseInput } from '../request-body';
import { complianceHandler } from './compliance-error';

function presentRuleSet(stored: StoredRuleSet) {
  return {
    ...stored.definition,
    version: stored.version,
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}

export function listRuleSetsHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (_req, res) => {
    res.json({ ruleSets: await listRuleSets(pool) });
  });
}

export function getRuleSetHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const { version } = parseInput(
      z.object({ version: z.coerce.number().int().min(1).optional() }),
      req.query,
    );
    res.json(presentRuleSet(await readRuleSet(pool, String(req.params.code), version)));
  });
}

export function listRuleSetVersionsHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    res.json({ versions: await listRuleSetVersions(pool, String(req.params.code)) });
  });
}

export function putRuleSetHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const principal = principalOf(res);
    const stored = await saveRuleSet(
      pool,
      String(req.params.code),
      req.body,
      principal.kind === 'user' ? principal.user.id : null,
    );
    res.json(presentRuleSet(stored));
  });
}

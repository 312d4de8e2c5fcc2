// Confirms a report's verification code: the run it names exists and its stored inputs and results still
// hash to it. An unknown (e.g. altered) code is `not_found`; a run whose data no longer matches is `conflict`.
import type { Queryable } from '../../layers';
import { ComplianceError, notFound } from '../compliance-error';
import { canonicalRun, readRun } from './read-run';
import { verificationCode } from './verification-code';

export interface Verification {
  valid: true;
  verificationCode: string;
  run: { id: string; verdict: string; createdAt: string; projectCode: string | null; siteAreaM2: number };
  ruleSet: { code: string; version: number };
  layerVersions: { layer: string; version: number }[];
}

export async function verifyRun(db: Queryable, code: string): Promise<Verification> {
  const unknown = () =>
    notFound(
      '验证码无效：没有与之对应的审查记录，报告可能被篡改或验证码输入有误 / no compliance check has this verification code; the report may have been altered or the code mistyped',
      { parameter: 'code', value: code },
    );
  if (!/^[0-9a-f]{64}$/.test(code)) throw unknown();
  const { rows } = await db.query<{ id: string }>(
    "SELECT id::text FROM compliance_runs WHERE verification_code = $1 AND status = 'done'",
    [code],
  );
  const run = rows[0] ? await readRun(db, rows[0].id) : undefined;
  if (!run) throw unknown();
  if (verificationCode(canonicalRun(run)) !== code)
    throw new ComplianceError(
      'conflict',
      '审查记录与验证码不一致：存储的数据已被改动 / the stored check no longer matches its verification code',
      { parameter: 'code', value: code, runId: run.id },
    );
  return {
    valid: true,
    verificationCode: code,
    run: {
      id: run.id,
      verdict: run.verdict,
      createdAt: run.createdAt,
      projectCode: run.projectCode,
      siteAreaM2: run.siteAreaM2,
    },
    ruleSet: { code: run.ruleSet.code, version: run.ruleSet.version },
    layerVersions: run.layerVersions.map((l) => ({ layer: l.layer, version: l.version })),
  };
}

// Which assessments a project may reuse from a regional assessment (区域评估, seed 5.3): those listed by a
// still-valid assessment area that covers the whole site (border slivers aside, as within_regional_assessment
// counts it). The task proposes them; each department confirms what it accepts in its opinion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { findAssessment } from './catalogue';

const REGIONAL_REUSE = readFileSync(path.join(__dirname, 'regional-reuse.sql'), 'utf8');

/** the regional assessment layer and the attribute listing an area's assessments */
export const REGIONAL_ASSESSMENT_LAYER = 'regional_assessments';
const ASSESSMENTS_ATTRIBUTE = 'assessments';
/** share of the site an area must cover for the site to count as inside it */
const INSIDE_RATIO = 0.999;

export interface ReuseProposal {
  assessment: { code: string; name: string };
  area: { code: string | null; name: string | null; documentNo: string | null; validUntil: string | null };
}

export interface RegionalArea {
  code: string | null;
  name: string | null;
  documentNo: string | null;
  validUntil: string | null;
  coveredRatio: number;
  valid: boolean;
  assessments: string[];
}

interface Row {
  code: string | null;
  name: string | null;
  document_no: string | null;
  valid_until: string | null;
  assessments: string[];
  covered_ratio: number;
}

export async function regionalAreas(
  sequelize: Sequelize,
  siteVersionId: number | null,
  today: string,
  transaction?: Transaction,
): Promise<RegionalArea[]> {
  if (siteVersionId === null) return [];
  const rows = await sequelize.query<Row>(REGIONAL_REUSE, {
    bind: [siteVersionId, REGIONAL_ASSESSMENT_LAYER, ASSESSMENTS_ATTRIBUTE],
    type: QueryTypes.SELECT,
    ...(transaction ? { transaction } : {}),
  });
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    documentNo: r.document_no,
    validUntil: r.valid_until,
    coveredRatio: Number(r.covered_ratio),
    valid: r.valid_until === null || r.valid_until >= today,
    assessments: r.assessments.map((a) => a.trim()).filter(Boolean),
  }));
}

/** One proposal per assessment, from the first valid area covering the site that lists it. */
export function reuseProposal(areas: RegionalArea[]): ReuseProposal[] {
  const proposals = new Map<string, ReuseProposal>();
  for (const area of areas.filter((a) => a.valid && a.coveredRatio >= INSIDE_RATIO)) {
    for (const listed of area.assessments) {
      const assessment = findAssessment(listed);
      if (!assessment || proposals.has(assessment.code)) continue;
      proposals.set(assessment.code, {
        assessment: { code: assessment.code, name: assessment.name },
        area: { code: area.code, name: area.name, documentNo: area.documentNo, validUntil: area.validUntil },
      });
    }
  }
  return [...proposals.values()];
}

// The body of an opinion as a department submits it, checked against the catalogues: construction conditions
// as structured items, free text, required assessments, the regional assessments it confirms to reuse, and an
// optional drawing. Each problem names the parameter (e.g. conditions[1].value).
import { z } from 'zod';
import { findAssessment, findConditionKind, type Assessment } from './catalogue';
import { invalid } from './planning-error';

const conditionItem = z.object({
  kind: z.string().min(1),
  value: z.number().finite().optional(),
  unit: z.string().optional(),
  /** setback_from: the layer (catalog code) whose features the site keeps its distance from */
  layer: z.string().min(1).max(100).optional(),
  legalBasis: z.string().max(1000).optional(),
  text: z.string().max(4000).optional(),
});

export const opinionBodySchema = z.object({
  text: z.string().trim().min(1, '意见正文不能为空 / the opinion text is required').max(20_000),
  conditions: z.array(conditionItem).max(50).default([]),
  requiredAssessments: z.array(z.string()).max(30).default([]),
  reusedAssessments: z.array(z.string()).max(30).default([]),
  geometry: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type OpinionBody = z.infer<typeof opinionBodySchema>;

/** A construction condition as stored: the catalogue's name and unit filled in. */
export interface ConditionItem {
  kind: string;
  name: string;
  value: number | null;
  unit: string | null;
  comparison: '≥' | '≤' | null;
  layer: string | null;
  legalBasis: string | null;
  text: string | null;
}

export interface OpinionInput {
  text: string;
  conditions: ConditionItem[];
  requiredAssessments: Assessment[];
  /** catalogue entries the department confirms reusing, checked against the task's proposal later */
  reusedAssessments: Assessment[];
  geometry: Record<string, unknown> | null;
}

function parseBody(input: unknown): OpinionBody {
  const parsed = opinionBodySchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = issue?.path.map(String).join('.') || 'body';
    throw invalid(`参数“${parameter}”不正确：${issue?.message ?? ''} / invalid parameter ${parameter}`, {
      parameter,
    });
  }
  return parsed.data;
}

function conditionOf(item: OpinionBody['conditions'][number], index: number): ConditionItem {
  const at = (field: string) => `conditions[${index}]${field ? `.${field}` : ''}`;
  const kind = findConditionKind(item.kind);
  if (!kind)
    throw invalid(`未知的建设条件类型“${item.kind}” / unknown condition kind ${item.kind}`, {
      parameter: at('kind'),
      value: item.kind,
    });
  if (kind.unit !== null && item.value === undefined)
    throw invalid(`${kind.name}需要数值 / ${kind.code} needs a value`, { parameter: at('value') });
  if (kind.range && item.value !== undefined && (item.value < kind.range[0] || item.value > kind.range[1]))
    throw invalid(
      `${kind.name}的数值应在${kind.range[0]}至${kind.range[1]}之间 / ${kind.code} must lie in ${kind.range[0]}..${kind.range[1]}`,
      { parameter: at('value'), value: item.value },
    );
  if (kind.unit !== null && item.unit !== undefined && item.unit !== kind.unit)
    throw invalid(`${kind.name}的单位应为“${kind.unit}” / ${kind.code} is in "${kind.unit}"`, {
      parameter: at('unit'),
      value: item.unit,
    });
  if (kind.needsLayer && !item.layer)
    throw invalid(`${kind.name}需要指明图层 / ${kind.code} names a layer`, { parameter: at('layer') });
  if (kind.unit === null && !item.text?.trim())
    throw invalid(`${kind.name}需要文字说明 / ${kind.code} needs its text`, { parameter: at('text') });
  return {
    kind: kind.code,
    name: kind.name,
    value: kind.unit === null ? null : (item.value ?? null),
    unit: kind.unit,
    comparison: kind.comparison,
    layer: kind.needsLayer ? (item.layer ?? null) : null,
    legalBasis: item.legalBasis?.trim() || null,
    text: item.text?.trim() || null,
  };
}

function assessmentsOf(values: string[], parameter: string): Assessment[] {
  const found = values.map((value, i) => {
    const assessment = findAssessment(value);
    if (!assessment)
      throw invalid(
        `评估事项“${value}”不在目录中 / unknown assessment "${value}"; see GET /api/v1/planning-catalogue`,
        { parameter: `${parameter}[${i}]`, value },
      );
    return assessment;
  });
  return [...new Map(found.map((a) => [a.code, a])).values()];
}

export function parseOpinion(input: unknown): OpinionInput {
  const body = parseBody(input);
  return {
    text: body.text,
    conditions: body.conditions.map(conditionOf),
    requiredAssessments: assessmentsOf(body.requiredAssessments, 'requiredAssessments'),
    reusedAssessments: assessmentsOf(body.reusedAssessments, 'reusedAssessments'),
    geometry: body.geometry ?? null,
  };
}

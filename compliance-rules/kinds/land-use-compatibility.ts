// land_use_compatibility: the project type against the planned land-use class (用地用海分类 2023) of every
// parcel the site covers, by the rule's matrix; fails when incompatible land exceeds the tolerance. Without a
// project type it lists the classes only.
import { codeEntry, type Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { runKindQuery, type KindRow } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

interface LandUseRow extends KindRow {
  classes: { code: string | null; areaM2: number; compatible: boolean }[];
  covered_m2: number;
}

export async function landUseCompatibility(
  db: Queryable,
  rule: RuleOf<'land_use_compatibility'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const compatible = context.projectType === null ? null : (rule.params.matrix[context.projectType] ?? []);
  const row = await runKindQuery<LandUseRow>(db, 'land-use', rule, context, [
    rule.params.codeAttribute,
    compatible,
  ]);
  const note =
    context.projectType === null
      ? '未指定项目类型，仅列出各用地分类面积 / no project type: land-use classes listed only'
      : compatible?.length === 0
        ? `规则未列出项目类型“${context.projectType}”的兼容用地 / project type not in the matrix`
        : null;
  return {
    passed: row.area_m2 <= rule.params.toleranceM2,
    areaM2: row.area_m2,
    ratio: row.area_m2 / context.site.areaM2,
    distanceM: null,
    features: row.features,
    conflictEwkb: row.conflict_ewkb,
    conflictGeometry: row.conflict_geojson,
    details: {
      projectType: context.projectType,
      compatibleCodes: compatible,
      classes: row.classes.map((c) => ({
        ...c,
        name: c.code ? (codeEntry('land_use_2023', c.code)?.name ?? null) : null,
        compatible: compatible === null ? null : c.compatible,
      })),
      unplannedAreaM2: Math.max(0, context.site.areaM2 - row.covered_m2),
      ...(note ? { note } : {}),
    },
  };
}

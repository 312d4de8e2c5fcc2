// The catalogues planning opinions draw from, as data: the assessments a project may need (环评, 水土保持 …)
// and the kinds of construction conditions, with their units and whether the map can check them.
import { z } from 'zod';
import assessmentData from './assessment-catalogue.json';
import conditionKindData from './condition-kinds.json';

const assessmentSchema = z.object({
  code: z.string().regex(/^[a-z_]+$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
});
export type Assessment = z.infer<typeof assessmentSchema>;

const conditionKindSchema = z.object({
  code: z.string().regex(/^[a-z_]+$/),
  name: z.string().min(1),
  /** the unit the value is in; null: the condition is text only */
  unit: z.string().nullable(),
  needsLayer: z.boolean().optional(),
  /**
   * how the map checks it: `setback`, the nearest distance from the site to a layer's features;
   * `plan_indicator`, against the indicator `planAttribute` of the land-use plan (控规) parcels under the
   * site; absent: not checkable on the map
   */
  check: z.enum(['setback', 'plan_indicator']).optional(),
  /** the land_use_plan attribute a `plan_indicator` condition is checked against */
  planAttribute: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional(),
  comparison: z.enum(['≥', '≤']).nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
});
export type ConditionKind = z.infer<typeof conditionKindSchema>;

export const ASSESSMENTS: readonly Assessment[] = z.array(assessmentSchema).parse(assessmentData);
export const CONDITION_KINDS: readonly ConditionKind[] = z
  .array(conditionKindSchema)
  .parse(conditionKindData);

/** An assessment by its code, its name or one of its short names (环评). */
export function findAssessment(value: string): Assessment | undefined {
  const wanted = value.trim();
  return ASSESSMENTS.find((a) => a.code === wanted || a.name === wanted || a.aliases.includes(wanted));
}

export function findConditionKind(code: string): ConditionKind | undefined {
  return CONDITION_KINDS.find((k) => k.code === code);
}

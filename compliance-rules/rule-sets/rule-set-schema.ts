// The schema of a rule set (zod): rules with an id, a Chinese title, the legal basis, a kind, the layers it
// reads, attribute filters, the kind's parameters and a severity. Parsing a rule set either gives a typed
// value or names the JSON path at fault.
import { z } from 'zod';
import { invalid } from '../compliance-error';

const layerCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, '图层编码格式不正确 / not a layer code');
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** attribute → allowed values: a feature counts when each named attribute has one of the values */
const attributeFilter = z.record(z.string().min(1), z.union([scalar, z.array(scalar).min(1)]));

const common = {
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, '规则编号只能用小写字母、数字、_和- / lowercase id'),
  title: z.string().min(1, '规则名称不能为空 / title required'),
  legalBasis: z.string().min(1, '法律依据不能为空 / legal basis required'),
  severity: z.enum(['prohibit', 'warn', 'inform']),
  layers: z.array(layerCode).min(1, '至少一个图层 / at least one layer'),
  filter: attributeFilter.optional(),
};

const areaTolerance = z.number().min(0).default(0);

const mustNotIntersect = z.object({
  ...common,
  kind: z.literal('must_not_intersect'),
  params: z.object({ toleranceM2: areaTolerance }).strict().default({ toleranceM2: 0 }),
});

const mustBeWithin = z.object({
  ...common,
  kind: z.literal('must_be_within'),
  params: z.object({ toleranceM2: areaTolerance }).strict().default({ toleranceM2: 0 }),
});

const landUseCompatibility = z.object({
  ...common,
  kind: z.literal('land_use_compatibility'),
  params: z
    .object({
      /** the attribute holding the land-use class code (用地用海分类 2023) */
      codeAttribute: z.string().min(1),
      toleranceM2: areaTolerance,
      /** project type → the land-use codes (or their parents) it may be built on */
      matrix: z.record(z.string().min(1), z.array(z.string().regex(/^[0-9]{2}([0-9]{2}){0,2}$/)).min(1)),
    })
    .strict(),
});

const minDistance = z.object({
  ...common,
  kind: z.literal('min_distance'),
  params: z.object({ distanceM: z.number().positive() }).strict(),
});

const maxOverlapRatio = z.object({
  ...common,
  kind: z.literal('max_overlap_ratio'),
  params: z.object({ maxRatio: z.number().min(0).max(1) }).strict(),
});

const withinRegionalAssessment = z.object({
  ...common,
  kind: z.literal('within_regional_assessment'),
  params: z
    .object({ assessmentsAttribute: z.string().min(1) })
    .strict()
    .default({ assessmentsAttribute: 'assessments' }),
});

const jurisdiction = z.object({
  ...common,
  kind: z.literal('jurisdiction'),
  params: z
    .object({ nameAttribute: z.string().min(1), codeAttribute: z.string().min(1) })
    .strict()
    .default({ nameAttribute: 'name', codeAttribute: 'admin_code' }),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  mustNotIntersect,
  mustBeWithin,
  landUseCompatibility,
  minDistance,
  maxOverlapRatio,
  withinRegionalAssessment,
  jurisdiction,
]);

export const ruleSetSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/),
    name: z.string().min(1),
    districtCode: z
      .string()
      .regex(/^[0-9]{6}$/)
      .nullable()
      .default(null),
    /** the layer a site must lie inside (the city's boundary) */
    cityBoundaryLayer: layerCode,
    /** the largest site the check accepts */
    maxSiteAreaM2: z.number().positive(),
    rules: z.array(ruleSchema).min(1, '至少一条规则 / at least one rule'),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `规则编号重复 / duplicate rule id "${rule.id}"`,
        });
      seen.add(rule.id);
    });
  });

export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type RuleSet = z.output<typeof ruleSetSchema>;
export type Rule = RuleSet['rules'][number];
export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

/** `rules[3].params.distanceM` style, as a JSON path a user can find in their file */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}

/** The rule set, or an `invalid` error naming the JSON path of the first problem (and listing all). */
export function parseRuleSet(input: unknown): RuleSet {
  const result = ruleSetSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: jsonPath(issue.path) || '$',
    message: issue.message,
  }));
  const first = issues[0]!;
  throw invalid(`规则集不符合格式：${first.path} ${first.message} / rule set invalid at ${first.path}`, {
    path: first.path,
    issues,
  });
}

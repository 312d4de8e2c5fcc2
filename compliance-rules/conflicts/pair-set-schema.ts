// The schema of a conflict pair set (zod): the pairs of plans whose contradictions are cross-plan conflicts
// (多规冲突), each a left layer and a right layer with their attribute filters, a kind (`inside`: where the
// left lies on the right; `outside`: where the left lies outside every right feature) and a conflict type.
// Parsing either gives a typed value or names the JSON path at fault, like a rule set.
import { z } from 'zod';
import { codeEntry } from '../../layers';
import { invalid } from '../compliance-error';
import { jsonPath } from '../rule-sets/rule-set-schema';

const layerCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, '图层编码格式不正确 / not a layer code');
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const attributeName = z.string().min(1).max(63);

const side = z
  .object({
    layer: layerCode,
    /** attribute → allowed values, as in a rule set */
    filter: z.record(attributeName, z.union([scalar, z.array(scalar).min(1)])).optional(),
    /** land-use classes (用地用海分类 2023): a feature counts when its code is one of them or below one */
    landUse: z
      .object({
        attribute: attributeName,
        classes: z
          .array(
            z.string().regex(/^[0-9]{2}([0-9]{2}){0,2}$/, '用地用海分类代码格式不正确 / not a land-use code'),
          )
          .min(1),
      })
      .strict()
      .optional(),
  })
  .strict();

const pair = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, '比对编号只能用小写字母、数字、_和- / lowercase id'),
    title: z.string().min(1, '比对名称不能为空 / title required'),
    kind: z.enum(['inside', 'outside']),
    conflictType: z.string().min(1),
    left: side,
    right: side,
    /** parts smaller than this are drawing noise, not conflicts (default: the set's minAreaM2) */
    minAreaM2: z.number().min(0).optional(),
  })
  .strict();

const conflictType = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, '冲突类型编码只能用小写字母、数字和_ / lowercase code'),
    title: z.string().min(1, '冲突类型名称不能为空 / title required'),
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, '颜色应为#RRGGBB / colour as #RRGGBB'),
  })
  .strict();

export const conflictPairSetSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/),
    name: z.string().min(1),
    /** the districts each conflict is split by, and their code and name attributes */
    districts: z
      .object({ layer: layerCode, codeAttribute: attributeName, nameAttribute: attributeName })
      .strict(),
    minAreaM2: z.number().min(0).default(1),
    conflictTypes: z.array(conflictType).min(1, '至少一种冲突类型 / at least one conflict type'),
    pairs: z.array(pair).min(1, '至少一组比对 / at least one pair'),
  })
  .strict()
  .superRefine((set, ctx) => {
    const types = new Set<string>();
    set.conflictTypes.forEach((type, i) => {
      if (types.has(type.code))
        ctx.addIssue({
          code: 'custom',
          path: ['conflictTypes', i, 'code'],
          message: `冲突类型重复 / duplicate conflict type "${type.code}"`,
        });
      types.add(type.code);
    });
    const ids = new Set<string>();
    set.pairs.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({
          code: 'custom',
          path: ['pairs', i, 'id'],
          message: `比对编号重复 / duplicate pair id "${p.id}"`,
        });
      ids.add(p.id);
      if (!types.has(p.conflictType))
        ctx.addIssue({
          code: 'custom',
          path: ['pairs', i, 'conflictType'],
          message: `未定义的冲突类型 / conflict type "${p.conflictType}" is not in conflictTypes`,
        });
      for (const which of ['left', 'right'] as const)
        p[which].landUse?.classes.forEach((code, j) => {
          if (!codeEntry('land_use_2023', code))
            ctx.addIssue({
              code: 'custom',
              path: ['pairs', i, which, 'landUse', 'classes', j],
              message: `用地用海分类中没有该代码 / "${code}" is not in the 2023 land-use classification`,
            });
        });
    });
  });

export type ConflictPairSetInput = z.input<typeof conflictPairSetSchema>;
export type ConflictPairSet = z.output<typeof conflictPairSetSchema>;
export type ConflictPair = ConflictPairSet['pairs'][number];
export type ConflictSide = ConflictPair['left'];

/** The pair set, or an `invalid` error naming the JSON path of the first problem (and listing all). */
export function parseConflictPairSet(input: unknown): ConflictPairSet {
  const result = conflictPairSetSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: jsonPath(issue.path) || '$',
    message: issue.message,
  }));
  const first = issues[0]!;
  throw invalid(
    `冲突比对规则不符合格式：${first.path} ${first.message} / conflict pairs invalid at ${first.path}`,
    {
      path: first.path,
      issues,
    },
  );
}

// Parses a request's JSON body or query with a zod schema; a mismatch is a 400 naming the parameter.
import type { z } from 'zod';
import { badRequest } from './errors';

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const parameter = issue?.path.join('.') || 'body';
    throw badRequest(`参数“${parameter}”不正确：${issue?.message ?? ''} / invalid parameter ${parameter}`, {
      parameter,
      issue: issue?.message,
    });
  }
  return result.data;
}

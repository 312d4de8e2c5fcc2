// The verdict from the rule results, as the server decides it: 不通过 if a prohibit rule fails, 有条件通过 if
// only warnings fail, 通过 otherwise (failed inform rules only inform).
export type Verdict = '通过' | '有条件通过' | '不通过';

export function verdictOf(results: { severity: string; passed: boolean }[]): Verdict {
  if (results.some((r) => r.severity === 'prohibit' && !r.passed)) return '不通过';
  if (results.some((r) => r.severity === 'warn' && !r.passed)) return '有条件通过';
  return '通过';
}

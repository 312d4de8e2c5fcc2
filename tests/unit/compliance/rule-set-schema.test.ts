// The rule-set schema accepts the sample city's set and names the JSON path of a fault; the verdict follows
// the severities; the verification code does not depend on key order.
import { parseRuleSet, SAMPLE_RULE_SET, verdictOf } from '../../../compliance-rules';
import { verificationCode } from '../../../compliance-rules/runs/verification-code';

describe('rule sets, verdicts and verification codes', () => {
  it('accepts the sample city rule set with every rule kind', () => {
    const set = parseRuleSet(SAMPLE_RULE_SET);
    expect(new Set(set.rules.map((r) => r.kind)).size).toBe(7);
  });

  it('names the JSON path of a fault', () => {
    const set = JSON.parse(JSON.stringify(SAMPLE_RULE_SET)) as { rules: { params: unknown }[] };
    set.rules[5]!.params = { maxRatio: 5 };
    expect(() => parseRuleSet(set)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ path: 'rules[5].params.maxRatio' }) }),
    );
  });

  it.each([
    [
      [
        { severity: 'prohibit', passed: false },
        { severity: 'warn', passed: false },
      ],
      '不通过',
    ],
    [
      [
        { severity: 'prohibit', passed: true },
        { severity: 'warn', passed: false },
      ],
      '有条件通过',
    ],
    [
      [
        { severity: 'prohibit', passed: true },
        { severity: 'inform', passed: false },
      ],
      '通过',
    ],
  ])('gives %j the verdict %s', (results, verdict) => {
    expect(verdictOf(results)).toBe(verdict);
  });

  it('hashes canonical JSON: the same run in another key order has the same code, a changed figure another', () => {
    const code = verificationCode({ a: 1, b: { c: [1, 2], d: 'x' } });
    expect(verificationCode({ b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(code);
    expect(verificationCode({ a: 1, b: { c: [1, 3], d: 'x' } })).not.toBe(code);
    expect(code).toMatch(/^[0-9a-f]{64}$/);
  });
});

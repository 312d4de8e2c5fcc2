// The national project code check: the pattern, a plausible year, no zero parts, and the district part
// naming the project's district; each refusal a ProjectError naming `code`.
import { checkProjectCode, ProjectError } from '../../../projects';

const NOW = new Date('2026-06-01T00:00:00Z');

function refusal(code: string, district: string): ProjectError {
  try {
    checkProjectCode(code, district, NOW);
  } catch (error) {
    if (error instanceof ProjectError) return error;
    throw error;
  }
  throw new Error(`${code} was accepted`);
}

describe('checkProjectCode', () => {
  it('accepts a well-formed code of the district', () => {
    expect(() => checkProjectCode('2024-650102-83-01-000100', '650102', NOW)).not.toThrow();
    expect(() => checkProjectCode('2027-650102-83-01-000100', '650102', NOW)).not.toThrow();
  });

  it.each([
    ['2024-650102-83-01-00010', 'short serial'],
    ['2024-650102-83-1-000100', 'one-digit type'],
    ['2024_650102_83_01_000100', 'wrong separators'],
    [' 2024-650102-83-01-000100', 'leading space'],
    ['1999-650102-83-01-000100', 'year before 2000'],
    ['2028-650102-83-01-000100', 'year after next'],
    ['2024-650102-00-01-000100', 'zero industry'],
    ['2024-650102-83-00-000100', 'zero type'],
    ['2024-650102-83-01-000000', 'zero serial'],
    ['2024-650103-83-01-000100', 'another district'],
  ])('refuses %s (%s) naming code', (code) => {
    const error = refusal(code, '650102');
    expect(error.kind).toBe('invalid');
    expect(error.details.parameter).toBe('code');
  });

  it('names both districts when the code names another', () => {
    const error = refusal('2024-650103-83-01-000100', '650102');
    expect(error.message).toContain('650103');
    expect(error.message).toContain('650102');
    expect(error.details.districtCode).toBe('650102');
  });
});

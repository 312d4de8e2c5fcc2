// The verification code a report carries: SHA-256 of the run's canonical JSON (keys sorted, no whitespace)
// of its inputs and results, so anyone can confirm a report against the stored run.
import { createHash } from 'node:crypto';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function verificationCode(run: unknown): string {
  return createHash('sha256').update(canonical(run)).digest('hex');
}

// The verification code a report carries: SHA-256 of the run's canonical JSON (keys sorted, no whitespace)
// of its inputs and results, so anyone can confirm a report against the stored run.
import { createHash } from 'node:crypto';

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    // coordinates and other lists of plain values: JSON.stringify writes them as the members would be
    if (value.every(isPrimitive)) return JSON.stringify(value);
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members: string[] = [];
    // sort() orders by UTF-16 code units, as comparing the strings does
    for (const key of Object.keys(object).sort()) {
      const v = object[key];
      if (v !== undefined) members.push(`${JSON.stringify(key)}:${canonical(v)}`);
    }
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function verificationCode(run: unknown): string {
  return createHash('sha256').update(canonical(run)).digest('hex');
}

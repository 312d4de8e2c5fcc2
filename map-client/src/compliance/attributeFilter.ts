// A rule's attribute filter ({attribute: value | [values]}) applied to a feature's properties the way the
// server's SQL does (jsonb containment): a feature counts when each named attribute holds one of the values,
// compared by type (the string "1" is not the number 1); a missing attribute matches nothing.
import type { AttributeFilter } from './ruleSet';

export function matchesFilter(
  properties: Record<string, unknown> | null,
  filter: AttributeFilter | undefined,
): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([attribute, allowed]) => {
    const value = properties?.[attribute];
    if (value === undefined || value === null) return false;
    return (Array.isArray(allowed) ? allowed : [allowed]).some((candidate) => candidate === value);
  });
}

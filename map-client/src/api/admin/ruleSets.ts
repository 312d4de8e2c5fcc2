// Rule sets for their editor: one version (current or numbered), the versions, and saving a new version.
// A refused save answers 400 with `details.issues`, each naming a JSON path such as rules[2].params.distanceM.
import type { RuleSet } from '../../compliance/ruleSet';
import { callJson } from '../client';

export interface StoredRuleSet extends RuleSet {
  createdAt: string;
  createdBy: string | null;
}

export interface RuleSetVersion {
  version: number;
  ruleCount: number;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
}

export interface RuleSetIssue {
  path: string;
  message: string;
}

const base = (code: string) => `/api/v1/compliance/rule-sets/${encodeURIComponent(code)}`;

export function fetchRuleSetVersion(code: string, version: number | null, signal?: AbortSignal) {
  return callJson<StoredRuleSet>(version === null ? base(code) : `${base(code)}?version=${version}`, {
    signal,
  });
}

export async function fetchRuleSetVersions(code: string, signal?: AbortSignal): Promise<RuleSetVersion[]> {
  return (await callJson<{ versions: RuleSetVersion[] }>(`${base(code)}/versions`, { signal })).versions;
}

/** Saves the definition (without version metadata) as the next version. */
export function saveRuleSet(code: string, definition: unknown): Promise<StoredRuleSet> {
  return callJson<StoredRuleSet>(base(code), { method: 'PUT', json: definition });
}

/** The issues a refused save named (all of them), or the one path when only that came back. */
export function issuesOf(details: Record<string, unknown>): RuleSetIssue[] {
  const issues = details.issues;
  if (Array.isArray(issues))
    return issues.filter(
      (issue): issue is RuleSetIssue =>
        typeof issue === 'object' &&
        issue !== null &&
        typeof (issue as RuleSetIssue).path === 'string' &&
        typeof (issue as RuleSetIssue).message === 'string',
    );
  return typeof details.path === 'string' ? [{ path: details.path, message: '' }] : [];
}

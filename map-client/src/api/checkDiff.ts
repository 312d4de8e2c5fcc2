// What changed between two compliance runs of a project (GET /api/v1/compliance/checks/:id/diff/:otherId).
import { callJson } from './client';

interface Change<T> {
  from: T;
  to: T;
}

export interface CheckDiff {
  from: string;
  to: string;
  verdict: Change<string> & { changed: boolean };
  site: {
    moved: boolean;
    areaM2: Change<number>;
    addedAreaM2: number;
    removedAreaM2: number;
  };
  ruleSet: Change<{ code: string; version: number }> & { changed: boolean };
  layerVersions: { layer: string; from: number | null; to: number | null }[];
  rules: {
    ruleId: string;
    title: string;
    change: 'added' | 'removed' | 'changed' | 'unchanged';
    passed: Change<boolean | null>;
    areaM2: Change<number | null>;
  }[];
}

export function fetchCheckDiff(from: string, to: string, signal?: AbortSignal): Promise<CheckDiff> {
  return callJson<CheckDiff>(
    `/api/v1/compliance/checks/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`,
    { signal },
  );
}

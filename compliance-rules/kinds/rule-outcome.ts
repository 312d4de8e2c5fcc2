// What evaluating one rule gives, and what a rule kind is given to evaluate it.
import type { PreparedSite } from '../site/prepare-site';

export interface ConflictFeature {
  id: string;
  key: string | null;
  layer: string;
  attributes: Record<string, unknown>;
  areaM2?: number;
  distanceM?: number;
}

export interface RuleOutcome {
  passed: boolean;
  /** overlap, outside or violating area on the ellipsoid, m² */
  areaM2: number | null;
  /** that area over the site's area */
  ratio: number | null;
  /** nearest distance on the ellipsoid, m */
  distanceM: number | null;
  features: ConflictFeature[];
  conflictEwkb: Buffer | null;
  conflictGeometry: Record<string, unknown> | null;
  /** what the kind adds: land-use classes, reusable assessments, districts, notes */
  details: Record<string, unknown>;
}

export interface EvaluationContext {
  site: PreparedSite;
  /** the current-version ids of the named layers, as read in the check's transaction */
  versionIdsOf(layers: string[]): string[];
  projectType: string | null;
  /** the day of the check (YYYY-MM-DD), for validity dates */
  checkedOn: string;
}

// What changed between two runs: the site (area added and removed), the rule-set version, the layer
// versions read, the verdict, and per rule its result (passed, area, distance, conflicting features).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../layers';
import { notFound } from '../compliance-error';
import { areaUnits } from './area-units';
import { requireRunInDistricts, type DistrictScope } from './district-scope';
import { readRun, type ComplianceRun, type RuleResult } from './read-run';

const SITE_DIFF = readFileSync(path.join(__dirname, 'site-diff.sql'), 'utf8');

interface Change<T> {
  from: T;
  to: T;
}

export interface RuleChange {
  ruleId: string;
  title: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  passed: Change<boolean | null>;
  areaM2: Change<number | null>;
  distanceM: Change<number | null>;
  featuresAdded: string[];
  featuresRemoved: string[];
}

export interface RunDiff {
  from: string;
  to: string;
  verdict: Change<string> & { changed: boolean };
  site: {
    moved: boolean;
    areaM2: Change<number>;
    addedAreaM2: number;
    addedAreaMu: number;
    removedAreaM2: number;
    removedAreaMu: number;
  };
  ruleSet: Change<{ code: string; version: number }> & { changed: boolean };
  layerVersions: { layer: string; from: number | null; to: number | null }[];
  rules: RuleChange[];
}

const featureName = (f: { layer: string; key: string | null; id: string }) => `${f.layer}:${f.key ?? f.id}`;

function ruleChange(ruleId: string, a: RuleResult | undefined, b: RuleResult | undefined): RuleChange {
  const before = new Set((a?.features ?? []).map(featureName));
  const after = new Set((b?.features ?? []).map(featureName));
  const featuresAdded = [...after].filter((f) => !before.has(f));
  const featuresRemoved = [...before].filter((f) => !after.has(f));
  const changed =
    a?.passed !== b?.passed ||
    a?.areaM2 !== b?.areaM2 ||
    a?.distanceM !== b?.distanceM ||
    featuresAdded.length > 0 ||
    featuresRemoved.length > 0;
  return {
    ruleId,
    title: (b ?? a)!.title,
    change: !a ? 'added' : !b ? 'removed' : changed ? 'changed' : 'unchanged',
    passed: { from: a?.passed ?? null, to: b?.passed ?? null },
    areaM2: { from: a?.areaM2 ?? null, to: b?.areaM2 ?? null },
    distanceM: { from: a?.distanceM ?? null, to: b?.distanceM ?? null },
    featuresAdded,
    featuresRemoved,
  };
}

function layerChanges(a: ComplianceRun, b: ComplianceRun): RunDiff['layerVersions'] {
  const from = new Map(a.layerVersions.map((l) => [l.layer, l.version]));
  const to = new Map(b.layerVersions.map((l) => [l.layer, l.version]));
  return [...new Set([...from.keys(), ...to.keys()])]
    .sort()
    .map((layer) => ({ layer, from: from.get(layer) ?? null, to: to.get(layer) ?? null }))
    .filter((l) => l.from !== l.to);
}

export async function diffRuns(
  db: Queryable,
  fromId: string,
  toId: string,
  districts: DistrictScope = null,
): Promise<RunDiff> {
  const [a, b] = [await readRun(db, fromId), await readRun(db, toId)];
  if (!a)
    throw notFound(`审查记录不存在：${fromId} / no check ${fromId}`, { parameter: 'id', value: fromId });
  if (!b) throw notFound(`审查记录不存在：${toId} / no check ${toId}`, { parameter: 'otherId', value: toId });
  requireRunInDistricts(a, districts, 'id');
  requireRunInDistricts(b, districts, 'otherId');
  const { rows } = await db.query<{ same: boolean; added_m2: number; removed_m2: number }>(SITE_DIFF, [
    a.id,
    b.id,
  ]);
  const site = rows[0]!;
  const ruleIds = [...new Set([...a.rules.map((r) => r.ruleId), ...b.rules.map((r) => r.ruleId)])];
  const added = areaUnits(site.added_m2);
  const removed = areaUnits(site.removed_m2);
  return {
    from: a.id,
    to: b.id,
    verdict: { from: a.verdict, to: b.verdict, changed: a.verdict !== b.verdict },
    site: {
      moved: !site.same,
      areaM2: { from: a.siteAreaM2, to: b.siteAreaM2 },
      addedAreaM2: added.areaM2,
      addedAreaMu: added.areaMu,
      removedAreaM2: removed.areaM2,
      removedAreaMu: removed.areaMu,
    },
    ruleSet: {
      from: { code: a.ruleSet.code, version: a.ruleSet.version },
      to: { code: b.ruleSet.code, version: b.ruleSet.version },
      changed: a.ruleSet.code !== b.ruleSet.code || a.ruleSet.version !== b.ruleSet.version,
    },
    layerVersions: layerChanges(a, b),
    rules: ruleIds.map((id) =>
      ruleChange(
        id,
        a.rules.find((r) => r.ruleId === id),
        b.rules.find((r) => r.ruleId === id),
      ),
    ),
  };
}

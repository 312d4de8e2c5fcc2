// The live preview: every rule of the rule set evaluated in the browser against the features loaded for
// the map's extent, with the verdict. A rule whose layers were not loaded completely around the site (the
// box did not reach, or a layer had more features than one request brings) is marked `partial`: its
// figures may be short and only the server's check can say.
import type { BBox, Feature, Geometry } from 'geojson';
import { matchesFilter } from './attributeFilter';
import { ellipsoidAreaM2 } from './ellipsoidArea';
import { evaluateRule, type LayerFeature, type PreviewOutcome } from './kinds';
import { localPlane } from './localDistance';
import { boxOf, growBox, type Polygonal } from './polygonOps';
import type { Rule, RuleSet, Severity } from './ruleSet';
import { verdictOf, type Verdict } from './verdict';

/** The features of one layer loaded for a box, and whether that is all of them. */
export interface LoadedLayer {
  layer: string;
  box: BBox;
  features: LayerFeature[];
  complete: boolean;
}

export interface PreviewRuleResult extends PreviewOutcome {
  ruleId: string;
  title: string;
  kind: string;
  severity: Severity;
  /** the layers did not cover the site's surroundings completely */
  partial: boolean;
}

export interface Preview {
  verdict: Verdict;
  siteAreaM2: number;
  rules: PreviewRuleResult[];
  /** rules of kinds this client cannot evaluate */
  skipped: string[];
  partial: boolean;
}

/** GeoJSON features of a layer as the preview holds them (their boxes computed once). */
export function toLayerFeatures(layer: string, features: Feature<Geometry | null>[]): LayerFeature[] {
  return features.flatMap((f) =>
    f.geometry
      ? [
          {
            key: f.id === undefined ? '' : String(f.id),
            layer,
            properties: (f.properties ?? {}) as Record<string, unknown>,
            geometry: f.geometry,
            box: boxOf(f.geometry),
          },
        ]
      : [],
  );
}

function contains(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function isPartial(rule: Rule, loaded: Map<string, LoadedLayer>, siteBox: BBox): boolean {
  const reach = growBox(siteBox, rule.kind === 'min_distance' ? rule.params.distanceM : 0);
  return rule.layers.some((code) => {
    const layer = loaded.get(code);
    return !layer || !layer.complete || !contains(layer.box, reach);
  });
}

export function previewRuleSet(
  ruleSet: Pick<RuleSet, 'rules'>,
  site: Polygonal,
  loaded: Map<string, LoadedLayer>,
  options: { projectType: string | null; checkedOn: string },
): Preview {
  const siteBox = boxOf(site);
  const siteAreaM2 = ellipsoidAreaM2(site);
  const context = {
    site,
    siteBox,
    siteAreaM2,
    plane: localPlane((siteBox[0] + siteBox[2]) / 2, (siteBox[1] + siteBox[3]) / 2),
    featuresOf: (layers: string[], filter: Rule['filter']) =>
      layers.flatMap((code) =>
        (loaded.get(code)?.features ?? []).filter((f) => matchesFilter(f.properties, filter)),
      ),
    projectType: options.projectType,
    checkedOn: options.checkedOn,
  };
  const rules: PreviewRuleResult[] = [];
  const skipped: string[] = [];
  for (const rule of ruleSet.rules) {
    const outcome = evaluateRule(rule, context);
    if (!outcome) {
      skipped.push(rule.id);
      continue;
    }
    rules.push({
      ...outcome,
      ruleId: rule.id,
      title: rule.title,
      kind: rule.kind,
      severity: rule.severity,
      partial: isPartial(rule, loaded, siteBox),
    });
  }
  return {
    verdict: verdictOf(rules),
    siteAreaM2,
    rules,
    skipped,
    partial: rules.some((r) => r.partial) || skipped.length > 0,
  };
}

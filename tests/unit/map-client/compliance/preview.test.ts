// The preview as the page runs it: the sample city's rule set (the JSON the server stores and evaluates)
// applied in the browser to a site and the features loaded around it, with the verdict; a rule whose layers
// were not loaded around the site marked partial; and the comparison with a server result.
import sampleCity from '../../../../compliance-rules/rule-sets/sample-city.json';
import { comparePreview } from '../../../../map-client/src/compliance/comparePreview';
import {
  previewRuleSet,
  toLayerFeatures,
  type LoadedLayer,
} from '../../../../map-client/src/compliance/preview';
import type { RuleSet } from '../../../../map-client/src/compliance/ruleSet';

const ruleSet = { ...sampleCity, version: 1 } as unknown as RuleSet;
const rect = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const site = rect(87.6, 43.8, 87.61, 43.81);
const BOX: [number, number, number, number] = [87.5, 43.7, 87.7, 43.9];

function layers(overrides: Record<string, ReturnType<typeof rect>[]>, box = BOX): Map<string, LoadedLayer> {
  const all: Record<string, ReturnType<typeof rect>[]> = {
    urban_development_boundary: [rect(87.5, 43.7, 87.7, 43.9)],
    districts: [rect(87.5, 43.7, 87.7, 43.9)],
    ...overrides,
  };
  const codes = [...new Set(ruleSet.rules.flatMap((r) => r.layers))];
  return new Map(
    codes.map((code) => [
      code,
      {
        layer: code,
        box,
        complete: true,
        features: toLayerFeatures(
          code,
          (all[code] ?? []).map((geometry, i) => ({
            type: 'Feature' as const,
            id: `${code}-${i}`,
            properties: { admin_code: '650102', name: '天山区' },
            geometry,
          })),
        ),
      },
    ]),
  );
}

describe('previewRuleSet with the sample city rule set', () => {
  it('is 不通过 for a site on the ecological red line and 有条件通过 once it is clear of it but outside the boundary', () => {
    const onRedLine = previewRuleSet(
      ruleSet,
      site,
      layers({ ecological_red_line: [rect(87.605, 43.7, 87.7, 43.9)] }),
      {
        projectType: null,
        checkedOn: '2026-01-15',
      },
    );
    expect(onRedLine.verdict).toBe('不通过');
    expect(onRedLine.rules.find((r) => r.ruleId === 'ecological-red-line')).toMatchObject({ passed: false });
    expect(onRedLine.rules.map((r) => r.ruleId)).toEqual(ruleSet.rules.map((r) => r.id));
    expect(onRedLine.partial).toBe(false);

    const outside = previewRuleSet(ruleSet, site, layers({ urban_development_boundary: [] }), {
      projectType: null,
      checkedOn: '2026-01-15',
    });
    expect(outside.verdict).toBe('有条件通过');
  });

  it('marks the rules partial when the loaded box does not reach round the site, or a layer was cut short', () => {
    const short = previewRuleSet(ruleSet, site, layers({}, [87.6, 43.8, 87.605, 43.805]), {
      projectType: null,
      checkedOn: '2026-01-15',
    });
    expect(short.partial).toBe(true);
    expect(short.rules.every((r) => r.partial)).toBe(true);
  });
});

describe('comparePreview', () => {
  const preview = previewRuleSet(
    ruleSet,
    site,
    layers({ ecological_red_line: [rect(87.605, 43.7, 87.7, 43.9)] }),
    {
      projectType: null,
      checkedOn: '2026-01-15',
    },
  );
  const server = () => ({
    verdict: preview.verdict,
    rules: preview.rules.map((r) => ({
      ruleId: r.ruleId,
      title: r.title,
      passed: r.passed,
      areaM2: r.areaM2,
      distanceM: r.distanceM,
    })),
  });

  it('finds nothing when the server says the same', () => {
    expect(comparePreview(preview, server())).toEqual([]);
  });

  it('names a different verdict, a rule passed on one side only, an area apart by more than 0.5 % and a rule only one side has', () => {
    const other = server();
    other.verdict = '通过';
    const red = other.rules.find((r) => r.ruleId === 'ecological-red-line')!;
    red.passed = true;
    red.areaM2 = red.areaM2! * 0.9;
    other.rules.push({ ruleId: 'new-rule', title: '新规则', passed: true, areaM2: null, distanceM: null });
    expect(comparePreview(preview, other).map((d) => d.kind)).toEqual([
      'verdict',
      'passed',
      'area',
      'missing',
    ]);
  });

  it('takes a distance the preview could not measure (nothing loaded near) as no disagreement', () => {
    const other = server();
    other.rules.find((r) => r.ruleId === 'blue-line-setback')!.distanceM = 3441.59;
    expect(comparePreview(preview, other)).toEqual([]);
  });
});

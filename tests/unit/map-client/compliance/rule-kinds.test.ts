// The preview's rule kinds on hand-made layers around a 0.01° square site at 87.6°E 43.8°N (894 071.98 m² by
// PostGIS geography): each kind's verdict and figures against areas and distances computed by hand (halves
// and bands of the square; metres from the GRS80 radii of curvature at 43.805°).
import type { Feature, Geometry } from 'geojson';
import { evaluateRule } from '../../../../map-client/src/compliance/kinds';
import { localPlane } from '../../../../map-client/src/compliance/localDistance';
import { boxOf } from '../../../../map-client/src/compliance/polygonOps';
import { toLayerFeatures } from '../../../../map-client/src/compliance/preview';
import type { Rule } from '../../../../map-client/src/compliance/ruleSet';
import { verdictOf } from '../../../../map-client/src/compliance/verdict';

const SITE_M2 = 894_071.9795827866;
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
/** metres per degree of longitude and of latitude at 43.805° on GRS80 (N·cos φ·π/180, M·π/180) */
const E2 = 0.00669438002290079;
const PHI = (43.805 * Math.PI) / 180;
const W = Math.sqrt(1 - E2 * Math.sin(PHI) ** 2);
const M_PER_DEG_LON = ((6_378_137 / W) * Math.cos(PHI) * Math.PI) / 180;
const M_PER_DEG_LAT = ((6_378_137 * (1 - E2)) / W ** 3 / 180) * Math.PI;

function feature(
  key: string,
  geometry: Geometry,
  properties: Record<string, unknown> = {},
): Feature<Geometry> {
  return { type: 'Feature', id: key, properties, geometry };
}

function context(layers: Record<string, Feature<Geometry>[]>, projectType: string | null = null) {
  const loaded = new Map(
    Object.entries(layers).map(([code, features]) => [code, toLayerFeatures(code, features)]),
  );
  return {
    site,
    siteBox: boxOf(site),
    siteAreaM2: SITE_M2,
    plane: localPlane(87.605, 43.805),
    featuresOf: (codes: string[], filter: Rule['filter']) =>
      codes
        .flatMap((c) => loaded.get(c) ?? [])
        .filter((f) =>
          Object.entries(filter ?? {}).every(([k, v]) =>
            (Array.isArray(v) ? v : [v]).includes(f.properties[k] as never),
          ),
        ),
    projectType,
    checkedOn: '2026-01-15',
  };
}

const common = { title: '规则', legalBasis: '依据', layers: ['layer'] };
const relative = (a: number, b: number) => Math.abs(a - b) / b;

describe('must_not_intersect', () => {
  const rule: Rule = {
    ...common,
    id: 'red',
    kind: 'must_not_intersect',
    severity: 'prohibit',
    params: { toleranceM2: 0.01 },
  };

  it('fails with the overlap of the west half (447 035.99 m², ratio 0.5) and the feature at fault', () => {
    const outcome = evaluateRule(
      rule,
      context({ layer: [feature('R1', rect(87.59, 43.79, 87.605, 43.82))] }),
    )!;
    expect(outcome.passed).toBe(false);
    expect(relative(outcome.areaM2!, 447_035.9901628494)).toBeLessThan(1e-6);
    expect(outcome.ratio).toBeCloseTo(0.5, 6);
    expect(outcome.features).toEqual([expect.objectContaining({ key: 'R1', layer: 'layer' })]);
    expect(outcome.conflict?.type).toMatch(/Polygon/);
  });

  it('counts overlapping features once and only those the attribute filter keeps', () => {
    const filtered: Rule = { ...rule, filter: { function_type: '水源涵养' } };
    const outcome = evaluateRule(
      filtered,
      context({
        layer: [
          feature('R1', rect(87.59, 43.79, 87.605, 43.82), { function_type: '水源涵养' }),
          feature('R2', rect(87.6, 43.79, 87.605, 43.82), { function_type: '水源涵养' }),
          feature('R3', rect(87.605, 43.79, 87.62, 43.82), { function_type: '生物多样性维护' }),
        ],
      }),
    )!;
    expect(relative(outcome.areaM2!, 447_035.9901628494)).toBeLessThan(1e-6);
    expect(outcome.features.map((f) => f.key).sort()).toEqual(['R1', 'R2']);
  });

  it('passes a site clear of the layer', () => {
    const outcome = evaluateRule(
      rule,
      context({ layer: [feature('R1', rect(87.62, 43.79, 87.63, 43.82))] }),
    )!;
    expect(outcome).toMatchObject({ passed: true, areaM2: 0, features: [], conflict: null });
  });
});

describe('must_be_within', () => {
  it('fails with the quarter outside the boundary (223 517.995 m²)', () => {
    const rule: Rule = {
      ...common,
      id: 'udb',
      kind: 'must_be_within',
      severity: 'warn',
      params: { toleranceM2: 1 },
    };
    const outcome = evaluateRule(
      rule,
      context({ layer: [feature('B1', rect(87.6025, 43.79, 87.62, 43.82))] }),
    )!;
    expect(outcome.passed).toBe(false);
    expect(relative(outcome.areaM2!, SITE_M2 / 4)).toBeLessThan(1e-6);
    expect(outcome.details.insideAreaM2).toBeCloseTo((SITE_M2 * 3) / 4, 0);
  });

  it('fails with the whole site when no boundary is near', () => {
    const rule: Rule = {
      ...common,
      id: 'udb',
      kind: 'must_be_within',
      severity: 'warn',
      params: { toleranceM2: 1 },
    };
    expect(evaluateRule(rule, context({ layer: [] }))!.areaM2).toBeCloseTo(SITE_M2, 3);
  });
});

describe('max_overlap_ratio', () => {
  const rule: Rule = {
    ...common,
    id: 'green',
    kind: 'max_overlap_ratio',
    severity: 'warn',
    params: { maxRatio: 0.05 },
  };
  it('passes 4 % of the site on the green line and fails 10 %', () => {
    const four = evaluateRule(rule, context({ layer: [feature('G', rect(87.6, 43.79, 87.6004, 43.82))] }))!;
    expect(four.ratio).toBeCloseTo(0.04, 6);
    expect(four.passed).toBe(true);
    const ten = evaluateRule(rule, context({ layer: [feature('G', rect(87.6, 43.79, 87.601, 43.82))] }))!;
    expect(ten.ratio).toBeCloseTo(0.1, 6);
    expect(ten.passed).toBe(false);
  });
});

describe('min_distance', () => {
  const rule: Rule = {
    ...common,
    id: 'blue',
    kind: 'min_distance',
    severity: 'warn',
    params: { distanceM: 30 },
  };
  const riverAt = (metresEast: number) =>
    feature('RIVER', {
      type: 'LineString',
      coordinates: [
        [87.61 + metresEast / M_PER_DEG_LON, 43.79],
        [87.61 + metresEast / M_PER_DEG_LON, 43.82],
      ],
    });

  it('fails a site 20 m from a river: nearest 20 m, the 10 m band along the east edge too close', () => {
    const outcome = evaluateRule(rule, context({ layer: [riverAt(20)] }))!;
    expect(outcome.passed).toBe(false);
    expect(outcome.distanceM!).toBeCloseTo(20, 1);
    expect(outcome.features).toEqual([expect.objectContaining({ key: 'RIVER' })]);
    // 10 m × the height of the square (0.01° of latitude)
    expect(relative(outcome.areaM2!, 10 * 0.01 * M_PER_DEG_LAT)).toBeLessThan(0.005);
  });

  it('passes a site 50 m from the river and reports the distance', () => {
    const outcome = evaluateRule(rule, context({ layer: [riverAt(50)] }))!;
    expect(outcome.passed).toBe(true);
    expect(outcome.distanceM!).toBeCloseTo(50, 1);
    expect(outcome.areaM2).toBe(0);
  });
});

describe('land_use_compatibility', () => {
  const rule: Rule = {
    ...common,
    id: 'land',
    kind: 'land_use_compatibility',
    severity: 'warn',
    params: { codeAttribute: 'land_use_code', toleranceM2: 1, matrix: { 房屋建筑工程: ['07', '08', '09'] } },
  };
  const parcels = {
    layer: [
      feature('P-W', rect(87.59, 43.79, 87.605, 43.82), { land_use_code: '0701' }),
      feature('P-E', rect(87.605, 43.79, 87.62, 43.82), { land_use_code: '1001' }),
    ],
  };

  it('fails housing on the industrial east half, by the code prefixes of the matrix', () => {
    const outcome = evaluateRule(rule, context(parcels, '房屋建筑工程'))!;
    expect(outcome.passed).toBe(false);
    expect(relative(outcome.areaM2!, SITE_M2 / 2)).toBeLessThan(1e-6);
    expect(outcome.features.map((f) => f.key)).toEqual(['P-E']);
    expect(outcome.details.classes).toEqual([
      expect.objectContaining({ code: '0701', compatible: true }),
      expect.objectContaining({ code: '1001', compatible: false }),
    ]);
  });

  it('lists the classes only and passes without a project type', () => {
    const outcome = evaluateRule(rule, context(parcels, null))!;
    expect(outcome).toMatchObject({ passed: true, areaM2: 0 });
    expect((outcome.details.classes as unknown[]).length).toBe(2);
  });
});

describe('within_regional_assessment and jurisdiction', () => {
  it('passes inside a valid assessment area, lists its assessments, and fails once it has expired', () => {
    const rule: Rule = {
      ...common,
      id: 'ra',
      kind: 'within_regional_assessment',
      severity: 'inform',
      params: { assessmentsAttribute: 'assessments' },
    };
    const area = (validUntil: string) =>
      feature('RA-1', rect(87.59, 43.79, 87.62, 43.82), {
        name: '高新区',
        valid_until: validUntil,
        assessments: '压覆矿产、地震安全',
      });
    const valid = evaluateRule(rule, context({ layer: [area('2030-12-31')] }))!;
    expect(valid.passed).toBe(true);
    expect(valid.details.reusableAssessments).toEqual(['压覆矿产', '地震安全']);
    expect(evaluateRule(rule, context({ layer: [area('2025-12-31')] }))!.passed).toBe(false);
  });

  it('names the districts with the area of the site in each, and always passes', () => {
    const rule: Rule = {
      ...common,
      id: 'district',
      kind: 'jurisdiction',
      severity: 'inform',
      params: { nameAttribute: 'name', codeAttribute: 'admin_code' },
    };
    const outcome = evaluateRule(
      rule,
      context({
        layer: [
          feature('D1', rect(87.59, 43.79, 87.6025, 43.82), { name: '天山区', admin_code: '650102' }),
          feature('D2', rect(87.6025, 43.79, 87.62, 43.82), { name: '沙依巴克区', admin_code: '650103' }),
        ],
      }),
    )!;
    expect(outcome.passed).toBe(true);
    const districts = outcome.details.districts as { code: string; areaM2: number }[];
    expect(districts.map((d) => d.code)).toEqual(['650103', '650102']);
    expect(relative(districts[0]!.areaM2, (SITE_M2 * 3) / 4)).toBeLessThan(1e-6);
  });
});

describe('verdictOf', () => {
  it('is 不通过 when a prohibit rule fails, 有条件通过 when only warnings fail, 通过 otherwise', () => {
    expect(
      verdictOf([
        { severity: 'prohibit', passed: false },
        { severity: 'warn', passed: false },
      ]),
    ).toBe('不通过');
    expect(
      verdictOf([
        { severity: 'prohibit', passed: true },
        { severity: 'warn', passed: false },
      ]),
    ).toBe('有条件通过');
    expect(verdictOf([{ severity: 'inform', passed: false }])).toBe('通过');
  });
});

// An opinion's body against the catalogues: assessments by code, name or short name, condition items filled
// in with the catalogue's name, unit and comparison, and each mistake refused naming its parameter.
import { PlanningError } from '../../../projects';
import { parseOpinion } from '../../../projects/planning/opinion-input';

function refusal(body: unknown): { kind: string; parameter: unknown } {
  try {
    parseOpinion(body);
  } catch (error) {
    if (error instanceof PlanningError) return { kind: error.kind, parameter: error.details.parameter };
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('opinion input', () => {
  it('reads assessments by code, name and short name, once each', () => {
    const parsed = parseOpinion({
      text: '同意',
      requiredAssessments: ['环评', 'environmental_impact', '水土保持方案', '交评'],
    });
    expect(parsed.requiredAssessments.map((a) => a.code)).toEqual([
      'environmental_impact',
      'soil_water_conservation',
      'traffic_impact',
    ]);
  });

  it('fills a condition with its catalogue name, unit and comparison', () => {
    const [setback, ratio, other] = parseOpinion({
      text: '同意',
      conditions: [
        { kind: 'setback_from', layer: 'blue_line', value: 30, legalBasis: '《城市蓝线管理办法》' },
        { kind: 'plot_ratio_max', value: 2 },
        { kind: 'other', text: '保留现状树木' },
      ],
    }).conditions;
    expect(setback).toEqual({
      kind: 'setback_from',
      name: '退让距离',
      value: 30,
      unit: 'm',
      comparison: '≥',
      layer: 'blue_line',
      legalBasis: '《城市蓝线管理办法》',
      text: null,
    });
    expect(ratio).toMatchObject({ name: '容积率上限', value: 2, comparison: '≤', layer: null });
    expect(other).toMatchObject({ value: null, unit: null, text: '保留现状树木' });
  });

  it.each([
    [{}, 'text'],
    [{ text: '  ' }, 'text'],
    [{ text: 'x', requiredAssessments: ['风水'] }, 'requiredAssessments[0]'],
    [{ text: 'x', reusedAssessments: ['环评', '?'] }, 'reusedAssessments[1]'],
    [{ text: 'x', conditions: [{ kind: 'nope', value: 1 }] }, 'conditions[0].kind'],
    [{ text: 'x', conditions: [{ kind: 'height_max' }] }, 'conditions[0].value'],
    [{ text: 'x', conditions: [{ kind: 'height_max', value: 24, unit: 'ft' }] }, 'conditions[0].unit'],
    [{ text: 'x', conditions: [{ kind: 'building_density_max', value: -5 }] }, 'conditions[0].value'],
    [{ text: 'x', conditions: [{ kind: 'setback_from', value: 30 }] }, 'conditions[0].layer'],
    [{ text: 'x', conditions: [{ kind: 'other' }] }, 'conditions[0].text'],
  ])('refuses %j naming %s', (body, parameter) => {
    expect(refusal(body)).toEqual({ kind: 'invalid', parameter });
  });
});

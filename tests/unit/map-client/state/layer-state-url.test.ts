// The layer panel's state from a link, and reordering by drag and drop: within a group only, and the
// link's order applied over the catalog's without losing layers it does not name.
import type { LayerSummary } from '../../../../map-client/src/api/types';
import { layerStateFromUrl, moveTo, visibleCodes } from '../../../../map-client/src/state/layerState';
import { versionAsOf } from '../../../../map-client/src/state/versionAsOf';

function layer(code: string, kind: LayerSummary['kind'], sortOrder: number, tiles = true): LayerSummary {
  return {
    code,
    name: code,
    kind,
    kindName: kind,
    geometryType: 'MultiPolygon',
    description: '',
    attributeSchema: [],
    style: null,
    districtCode: null,
    source: null,
    version: 1,
    featureCount: 1,
    publishedAt: null,
    extent: null,
    sortOrder,
    tiles: tiles ? `/tiles/${code}/{z}/{x}/{y}.mvt` : null,
    imageTiles: null,
    imageTilesBelowZoom: null,
  };
}

const LAYERS = [
  layer('districts', 'admin_division', 30),
  layer('blue_line', 'control_line', 20),
  layer('green_line', 'control_line', 21),
  layer('empty_layer', 'control_line', 22, false),
  layer('land_use_plan', 'plan', 10),
];
const sameKindAs = (code: string) => (other: string) =>
  LAYERS.find((l) => l.code === other)?.kind === LAYERS.find((l) => l.code === code)?.kind;

describe('layerStateFromUrl', () => {
  it('shows what the link names, never a layer without tiles nor one the catalog lacks', () => {
    const state = layerStateFromUrl(LAYERS, {
      visible: ['green_line', 'empty_layer', 'gone_layer'],
      order: null,
      opacity: { green_line: 0.5 },
    });
    expect(visibleCodes(state)).toEqual(['green_line']);
    expect(state.views.green_line?.opacity).toBe(0.5);
    expect(state.order).toEqual(['districts', 'empty_layer', 'green_line', 'blue_line', 'land_use_plan']);
  });

  it("puts the named layers in the link's order and keeps the others in their catalog places", () => {
    const state = layerStateFromUrl(LAYERS, {
      visible: null,
      order: ['blue_line', 'green_line', 'gone_layer'],
      opacity: {},
    });
    expect(state.order).toEqual(['districts', 'empty_layer', 'blue_line', 'green_line', 'land_use_plan']);
  });
});

describe('moveTo', () => {
  const start = layerStateFromUrl(LAYERS, { visible: null, order: null, opacity: {} });

  it('drops a layer at the place of another of its group', () => {
    const moved = moveTo(start, 'blue_line', 'empty_layer', sameKindAs('blue_line'));
    expect(moved.order).toEqual(['districts', 'blue_line', 'empty_layer', 'green_line', 'land_use_plan']);
  });

  it('refuses a drop on a layer of another group', () => {
    expect(moveTo(start, 'blue_line', 'districts', sameKindAs('blue_line'))).toBe(start);
  });
});

describe('versionAsOf', () => {
  const versions = [
    { version: 2, publishedAt: '2024-05-01T16:30:00Z' }, // 2024-05-02 00:30 in Beijing
    { version: 1, publishedAt: '2024-01-15T02:00:00Z' },
  ].map((v) => ({
    ...v,
    featureCount: 1,
    sourceName: null,
    note: null,
    createdAt: v.publishedAt,
    current: false,
    report: null,
  }));

  it('counts a date to the end of that day in Beijing', () => {
    expect(versionAsOf(versions, '2024-05-01')?.version).toBe(1);
    expect(versionAsOf(versions, '2024-05-02')?.version).toBe(2);
    expect(versionAsOf(versions, '2023-12-31')).toBeNull();
  });
});

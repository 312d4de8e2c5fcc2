// The one rule by which WMS and WFS read a requested layer name, and the one raster rule they and the
// tiles share.
import { isRasterLayer, resolveServiceLayerName, serviceLayerName } from '../../../layers';

describe('resolveServiceLayerName', () => {
  it.each([
    ['land_use_plan', 'land_use_plan'],
    ['ob:land_use_plan', 'land_use_plan'],
    ['  ob:land_use_plan ', 'land_use_plan'],
    // a prefix an XML-encoded request bound to our namespace (OpenLayers writes feature:)
    ['feature:land_use_plan', 'land_use_plan'],
    ['{https://one-blueprint.example/ows}land_use_plan', 'land_use_plan'],
  ])('reads %j as the layer %s', (name, code) => {
    expect(resolveServiceLayerName(name)).toBe(code);
  });

  it.each([
    '',
    '   ',
    'ob:',
    ':land_use_plan',
    'a:b:land_use_plan',
    'ob:land use plan',
    '{http://example.com/other}land_use_plan',
    '{https://one-blueprint.example/ows}ob:land_use_plan',
  ])('refuses %j', (name) => {
    expect(resolveServiceLayerName(name)).toBeNull();
  });

  it('reads back the name a layer is published under', () => {
    expect(serviceLayerName('districts')).toBe('ob:districts');
    expect(resolveServiceLayerName(serviceLayerName('districts'))).toBe('districts');
  });
});

describe('isRasterLayer', () => {
  it('goes by the geometry type, not the kind', () => {
    expect(isRasterLayer({ geometryType: 'Raster' })).toBe(true);
    // scene footprints of the imagery kind are features
    expect(isRasterLayer({ geometryType: 'MultiPolygon' })).toBe(false);
  });
});

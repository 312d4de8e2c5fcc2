// The sample city generator: deterministic, realistic in its counts, valid in its geometry.
import { createHash } from 'node:crypto';
import * as turf from '@turf/turf';
import { generateSampleCity, type SampleCity } from '../../importers';

const digest = (city: SampleCity) =>
  createHash('sha256')
    .update(JSON.stringify({ layers: city.layers, projects: city.projects }))
    .digest('hex');

const layer = (city: SampleCity, code: string) => {
  const found = city.layers.find((l) => l.definition.code === code);
  if (!found) throw new Error(`no layer ${code}`);
  return found.features;
};

describe('sample city generator', () => {
  const city = generateSampleCity();

  it('produces the same features for the same seed', () => {
    expect(digest(generateSampleCity())).toBe(digest(city));
  });

  it('produces a different city for another seed', () => {
    expect(digest(generateSampleCity({ seed: 7 }))).not.toBe(digest(city));
  });

  it('has a city boundary, seven districts and the layers of a real one blueprint', () => {
    expect(layer(city, 'city_boundary')).toHaveLength(1);
    expect(layer(city, 'districts').map((f) => f.properties.name)).toEqual([
      '天山区',
      '沙依巴克区',
      '新市区',
      '水磨沟区',
      '头屯河区',
      '达坂城区',
      '米东区',
    ]);
    expect(layer(city, 'land_use_plan').length).toBeGreaterThanOrEqual(4500);
    expect(layer(city, 'land_use_plan').length).toBeLessThanOrEqual(5500);
    expect(layer(city, 'ecological_red_line').length).toBeGreaterThanOrEqual(40);
    expect(layer(city, 'permanent_basic_farmland')).toHaveLength(2000);
    expect(layer(city, 'regional_assessments')).toHaveLength(5);
    for (const code of [
      'urban_development_boundary',
      'blue_line',
      'green_line',
      'purple_line',
      'yellow_line',
    ]) {
      expect(layer(city, code).length).toBeGreaterThan(0);
    }
  });

  it('codes parcels by the 2023 classification and keeps the GB 50137 letter', () => {
    const parcels = layer(city, 'land_use_plan');
    const codes = new Set(parcels.map((f) => f.properties.land_use_code));
    expect(codes.size).toBeGreaterThanOrEqual(15);
    const residential = parcels.find((f) => f.properties.land_use_code === '0701');
    expect(residential?.properties).toMatchObject({ land_use_name: '城镇住宅用地', gb50137_code: 'R2' });
  });

  it('has thirty projects in all four stages, with approvals and planning opinions', () => {
    expect(city.projects).toHaveLength(30);
    expect(new Set(city.projects.map((p) => p.stage))).toEqual(
      new Set(['land_use_planning', 'construction_planning', 'construction', 'completion']),
    );
    for (const p of city.projects) {
      expect(p.code).toMatch(/^\d{4}-65\d{4}-\d{2}-\d{2}-\d{6}$/);
      expect(p.approvals.length).toBeGreaterThan(0);
    }
    expect(city.projects.filter((p) => p.planning && p.planning.opinions.length > 0).length).toBeGreaterThan(
      5,
    );
    expect(new Set(city.projects.map((p) => p.code)).size).toBe(30);
  });

  it('produces valid, non-empty polygons only', () => {
    for (const { definition, features } of city.layers) {
      for (const feature of features) {
        const valid = turf.booleanValid(feature.geometry);
        if (!valid) throw new Error(`invalid geometry in ${definition.code} ${feature.key}`);
        expect(feature.geometry.type).toBe('MultiPolygon');
      }
    }
  });

  it('lies around Ürümqi in CGCS2000 longitude and latitude', () => {
    const [minLon, minLat, maxLon, maxLat] = turf.bbox(
      turf.featureCollection([turf.feature(layer(city, 'city_boundary')[0]!.geometry)]),
    );
    expect(minLon).toBeGreaterThan(87.1);
    expect(maxLon).toBeLessThan(88.1);
    expect(minLat).toBeGreaterThan(43.4);
    expect(maxLat).toBeLessThan(44.2);
  });

  it('multiplies the parcel layers with --scale', () => {
    const scaled = generateSampleCity({ scale: 3 });
    expect(layer(scaled, 'land_use_plan').length).toBeGreaterThan(2.5 * layer(city, 'land_use_plan').length);
    expect(layer(scaled, 'permanent_basic_farmland')).toHaveLength(6000);
    expect(layer(scaled, 'districts')).toHaveLength(7);
  });

  it('refuses a scale that is not a whole number from 1 to 1000', () => {
    expect(() => generateSampleCity({ scale: 0 })).toThrow(/scale must be a whole number/);
    expect(() => generateSampleCity({ scale: 1.5 })).toThrow(/scale must be a whole number/);
  });
});

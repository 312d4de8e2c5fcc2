// Areas of the client's preview on the CGCS2000 ellipsoid (GRS80): against the ellipsoid's published surface
// area, and against PostGIS ST_Area on geography (the server's figure) for sites in the city; turf.area, on
// a sphere, is shown to be about 0.2 % low there, which is why it is not used.
import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { authalicQ, ellipsoidAreaM2 } from '../../../../map-client/src/compliance/ellipsoidArea';

const polygon = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const rect = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const relative = (a: number, b: number) => Math.abs(a - b) / b;

describe('ellipsoidAreaM2', () => {
  it('gives one eighth of the GRS80 surface (510 065 621.718 km², Moritz 1980) for the triangle of two meridians and the equator', () => {
    const eighth = ellipsoidAreaM2(
      polygon([
        [0, 0],
        [90, 0],
        [0, 90],
        [0, 0],
      ]),
    );
    expect(relative(eighth * 8, 510_065_621_718_491)).toBeLessThan(1e-7);
  });

  it('has q(90°) = 1 − (1 − e²)/(2e)·ln((1 − e)/(1 + e)), the authalic constant of GRS80', () => {
    const e2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);
    const e = Math.sqrt(e2);
    expect(authalicQ(Math.PI / 2)).toBeCloseTo(1 - ((1 - e2) / (2 * e)) * Math.log((1 - e) / (1 + e)), 12);
  });

  // PostGIS 3 ST_Area(geom::geography) of the same polygons in EPSG:4490
  it.each([
    ['a 0.01° square at 87.6°E 43.8°N', polygon(rect(87.6, 43.8, 87.61, 43.81)), 894_071.9795827866],
    ['its west half', polygon(rect(87.6, 43.8, 87.605, 43.81)), 447_035.9901628494],
    [
      'a triangle with a 3 km diagonal',
      polygon([
        [87.6, 43.8],
        [87.64, 43.8],
        [87.6, 43.83],
        [87.6, 43.8],
      ]),
      5_364_888.75479126,
    ],
    [
      'a 1° square with a hole',
      polygon(rect(87, 43, 88, 44), rect(87.4, 43.4, 87.6, 43.6)),
      8_625_963_740.331482,
    ],
  ])('agrees with PostGIS geography within 0.001 %% for %s', (_name, geometry, postgis) => {
    expect(relative(ellipsoidAreaM2(geometry), postgis)).toBeLessThan(1e-5);
  });

  it('counts every part of a multipolygon and is 0 for nothing', () => {
    const half = ellipsoidAreaM2(polygon(rect(87.6, 43.8, 87.605, 43.81)));
    const both = ellipsoidAreaM2({
      type: 'MultiPolygon',
      coordinates: [[rect(87.6, 43.8, 87.605, 43.81)], [rect(87.605, 43.8, 87.61, 43.81)]],
    });
    expect(relative(both, 2 * half)).toBeLessThan(1e-9);
    expect(ellipsoidAreaM2(null)).toBe(0);
  });

  it('reads about 0.19 % more than turf.area (a sphere of 6 371 008.8 m) at the city’s latitude', () => {
    const site = polygon(rect(87.6, 43.8, 87.61, 43.81));
    const difference = (ellipsoidAreaM2(site) - area(site)) / ellipsoidAreaM2(site);
    expect(difference).toBeGreaterThan(0.0018);
    expect(difference).toBeLessThan(0.0021);
  });
});

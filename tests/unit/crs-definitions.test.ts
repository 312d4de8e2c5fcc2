// The one list of CRS definitions: CGCS2000 and its Gauss-Krüger zones transform as the EPSG registry says.
import proj4 from 'proj4';
import { CRS_DEFINITIONS, crsDefinition, registerCrsDefinitions } from '../../layers';

registerCrsDefinitions(proj4);

describe('CRS definitions', () => {
  it('numbers the CGCS2000 3-degree zones with and without the zone prefix', () => {
    expect(crsDefinition('EPSG:4517')?.proj4).toContain('+lon_0=87 ');
    expect(crsDefinition('EPSG:4517')?.proj4).toContain('+x_0=29500000 ');
    expect(crsDefinition('EPSG:4538')?.proj4).toContain('+lon_0=87 ');
    expect(crsDefinition('EPSG:4538')?.proj4).toContain('+x_0=500000 ');
    expect(crsDefinition('EPSG:4513')?.proj4).toContain('+lon_0=75 ');
    expect(crsDefinition('EPSG:4554')?.proj4).toContain('+lon_0=135 ');
    expect(crsDefinition('EPSG:4502')?.proj4).toContain('+lon_0=75 ');
  });

  it('puts Ürümqi near the central meridian of zone 29', () => {
    const [easting, northing] = proj4('EPSG:4490', 'EPSG:4517', [87.6, 43.8]);
    expect(Math.floor(easting! / 1_000_000)).toBe(29);
    expect(easting! - 29_000_000).toBeCloseTo(548_285.1, 0);
    expect(northing).toBeCloseTo(4_851_775.3, 0);
  });

  it('round-trips through a Gauss-Krüger zone to the millimetre', () => {
    const there = proj4('EPSG:4490', 'EPSG:4538', [87.61234567, 43.81234567]);
    const back = proj4('EPSG:4538', 'EPSG:4490', there);
    expect(back[0]).toBeCloseTo(87.61234567, 8);
    expect(back[1]).toBeCloseTo(43.81234567, 8);
  });

  it('accepts URN CRS names', () => {
    expect(crsDefinition('urn:ogc:def:crs:EPSG::4490')?.code).toBe('EPSG:4490');
  });

  it('has no duplicate codes', () => {
    expect(new Set(CRS_DEFINITIONS.map((d) => d.code)).size).toBe(CRS_DEFINITIONS.length);
  });
});

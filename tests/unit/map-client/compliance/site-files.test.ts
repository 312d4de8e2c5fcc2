// Site files read in the browser: boundary-coordinate text (国土TXT) with its zone, rings and hole, brought
// to EPSG:4490 with the server's own proj4 definitions and measured on the ellipsoid against the area the
// file declares; GeoJSON with and without a crs member; files that cannot be a site, refused with why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { ellipsoidAreaM2 } from '../../../../map-client/src/compliance/ellipsoidArea';
import { readBoundaryText } from '../../../../map-client/src/compliance/site-file/readBoundaryText';
import { readGeoJsonSite } from '../../../../map-client/src/compliance/site-file/readGeoJsonSite';
import {
  decodeSiteText,
  parseSiteText,
  toCgcs2000,
} from '../../../../map-client/src/compliance/site-file/readSiteFile';
import { CRS_DEFINITIONS } from '../../../../layers';

const FIXTURES = path.join(__dirname, '../../../fixtures/importers/boundary-coordinates/in');
for (const definition of CRS_DEFINITIONS) proj4.defs(definition.code, definition.proj4);
const reproject = (crs: string, p: number[]) => proj4(crs, 'EPSG:4490', p);

describe('boundary-coordinate text (国土TXT)', () => {
  const text = readFileSync(path.join(FIXTURES, 'zone29-with-hole.txt'), 'utf8');

  it('reads the zone as EPSG:4517 (CGCS2000 3° zone 29, prefixed) and the second ring as a hole', () => {
    const site = readBoundaryText(text);
    expect(site.crs).toBe('EPSG:4517');
    expect(site.polygons).toHaveLength(1);
    expect(site.polygons[0]).toHaveLength(2);
    // easting (with the zone prefix) first, then northing
    expect(site.polygons[0]![0]![0]).toEqual([29548012.345, 4851223.678]);
  });

  it('gives, in EPSG:4490, the declared 3.5 公顷 on the ellipsoid (plane area less the zone’s scale, < 0.01 %)', () => {
    const geometry = toCgcs2000(parseSiteText('site.txt', text), reproject);
    expect(geometry.type).toBe('Polygon');
    const [lon, lat] = (geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
    expect(lon).toBeGreaterThan(87);
    expect(lon).toBeLessThan(88);
    expect(lat).toBeGreaterThan(43);
    expect(lat).toBeLessThan(44);
    // 200 m × 200 m less a 50 m × 100 m hole; 48 km off the central meridian the projection's scale is
    // 1 + y²/2R² ≈ 1.0000284, so the ellipsoid holds 35 000 / 1.0000284² m²
    const expected = 35_000 / 1.0000284 ** 2;
    expect(Math.abs(ellipsoidAreaM2(geometry) - expected) / expected).toBeLessThan(1e-4);
  });

  it('reads GBK text as well as UTF-8', () => {
    const gbk = new Uint8Array([0xb5, 0xd8, 0xbf, 0xe9]); // 地块 in GBK
    expect(decodeSiteText(gbk.buffer)).toBe('地块');
    expect(decodeSiteText(new TextEncoder().encode('地块').buffer as ArrayBuffer)).toBe('地块');
  });

  it('refuses a file without a zone, naming 带号', () => {
    expect(() => readBoundaryText(readFileSync(path.join(FIXTURES, 'bad-unknown-crs.txt'), 'utf8'))).toThrow(
      /带号|坐标系/,
    );
  });
});

describe('GeoJSON sites', () => {
  const square = [
    [
      [87.6, 43.8],
      [87.61, 43.8],
      [87.61, 43.81],
      [87.6, 43.81],
      [87.6, 43.8],
    ],
  ];

  it('takes the polygons of a FeatureCollection (WGS84 by the format, as CGCS2000) into a multipolygon', () => {
    const site = readGeoJsonSite(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [87.6, 43.8] } },
          { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [square] } },
        ],
      }),
    );
    expect(site.crs).toBe('EPSG:4490');
    expect(toCgcs2000(site, reproject).type).toBe('MultiPolygon');
  });

  it('reprojects a file that names a Gauss-Krüger crs', () => {
    const site = parseSiteText(
      'site.geojson',
      JSON.stringify({
        type: 'Polygon',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4517' } },
        coordinates: [
          [
            [29548012, 4851023],
            [29548212, 4851023],
            [29548212, 4851223],
            [29548012, 4851223],
            [29548012, 4851023],
          ],
        ],
      }),
    );
    expect(site.crs).toBe('EPSG:4517');
    const area = ellipsoidAreaM2(
      toCgcs2000(site, reproject) as { type: 'Polygon'; coordinates: number[][][] },
    );
    expect(Math.abs(area - 40_000 / 1.0000284 ** 2)).toBeLessThan(4);
  });

  it('refuses a file with no polygon, invalid JSON and coordinates that are not degrees', () => {
    expect(() => readGeoJsonSite('{"type":"Point","coordinates":[87.6,43.8]}')).toThrow(/面/);
    expect(() => readGeoJsonSite('{"type":')).toThrow(/GeoJSON/);
    expect(() =>
      toCgcs2000(
        {
          crs: 'EPSG:4490',
          polygons: [
            [
              [
                [29548012, 4851023],
                [1, 1],
                [2, 2],
                [29548012, 4851023],
              ],
            ],
          ],
        },
        reproject,
      ),
    ).toThrow(/坐标超出/);
  });
});

// The capabilities document for a given catalog: kinds as groups with Chinese titles, layers with
// EPSG:4490 bounding boxes latitude first, TIME values, legends; escaping of names and text.
import type { LayerSummary } from '../../../layers';
import { capabilitiesXml } from '../../../spatial-api/ogc/wms/get-capabilities';
import type { WmsLayer } from '../../../spatial-api/ogc/wms/wms-layers';

function layer(code: string, kind: LayerSummary['kind'], extra: Partial<LayerSummary> = {}): WmsLayer {
  const summary: LayerSummary = {
    code,
    name: `图层 ${code} <&>`,
    kind,
    geometryType: kind === 'imagery' ? 'Raster' : 'MultiPolygon',
    description: '',
    attributeSchema: [],
    style: null,
    districtCode: null,
    source: null,
    sortOrder: 0,
    public: true,
    version: 1,
    featureCount: 3,
    publishedAt: '2024-05-01T00:00:00.000Z',
    extent: [87.5, 43.7, 87.7, 43.9],
    ...extra,
  };
  return { summary, name: `ob:${code}`, raster: kind === 'imagery' };
}

describe('capabilities document', () => {
  const xml = capabilitiesXml(
    [layer('red', 'control_line'), layer('photo', 'imagery'), layer('empty', 'plan', { extent: null })],
    new Map([['red', [new Date('2024-05-01T00:00:00Z'), new Date('2024-06-01T00:00:00Z')]]]),
    'http://example.test/wms?',
  );

  it('groups layers under the Chinese names of their kinds, in the catalog order of kinds', () => {
    const titles = [...xml.matchAll(/<Layer>\s*<Title>([^<]*)<\/Title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['一张蓝图', '遥感影像', '各类规划', '控制线']);
  });

  it('writes EPSG:4490 bounding boxes latitude first and CRS:84 longitude first', () => {
    expect(xml).toContain('<BoundingBox CRS="EPSG:4490" minx="43.7" miny="87.5" maxx="43.9" maxy="87.7"/>');
    expect(xml).toContain('<BoundingBox CRS="CRS:84" minx="87.5" miny="43.7" maxx="87.7" maxy="43.9"/>');
  });

  it('marks vector layers queryable and imagery opaque', () => {
    expect(xml).toMatch(/<Layer queryable="1" opaque="0">\s*<Name>ob:red<\/Name>/);
    expect(xml).toMatch(/<Layer queryable="0" opaque="1">\s*<Name>ob:photo<\/Name>/);
  });

  it('lists the publication times as the TIME dimension', () => {
    expect(xml).toContain(
      '<Dimension name="time" units="ISO8601" default="current" current="1" nearestValue="0">2024-05-01T00:00:00.000Z,2024-06-01T00:00:00.000Z</Dimension>',
    );
  });

  it('escapes names and links', () => {
    expect(xml).toContain('<Title>图层 red &lt;&amp;&gt;</Title>');
    expect(xml).toContain(
      'xlink:href="http://example.test/wms?VERSION=1.3.0&amp;REQUEST=GetLegendGraphic&amp;LAYER=ob%3Ared&amp;FORMAT=image/png&amp;STYLE=default"',
    );
  });

  it('omits the bounding boxes of a layer without an extent (its parent’s apply)', () => {
    const empty = xml.slice(xml.indexOf('<Name>ob:empty</Name>'));
    expect(empty.slice(0, empty.indexOf('</Layer>'))).not.toContain('BoundingBox');
  });
});

// FES 2.0 filters as parameterised SQL: the SQL each operator writes and the values it binds, the axis
// order of GML coordinates, and the refusal of malformed, hostile or unknown input.
import { filterToSql, type FilterContext } from '../../../spatial-api/ogc/fes';
import { OgcException } from '../../../spatial-api/ogc/ogc-exception';

const NAMESPACES =
  'xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:ob="https://one-blueprint.example/ows"';

const context: FilterContext = {
  properties: [
    { name: 'land_use_code', type: 'string' },
    { name: 'district_name', type: 'string' },
    { name: 'plot_ratio', type: 'number' },
    { name: 'quality_grade', type: 'integer' },
    { name: 'approved_on', type: 'date' },
    { name: 'is_public', type: 'boolean' },
  ],
  geometryName: 'ob:geom',
  firstParameter: 2,
};

const filter = (body: string) => `<fes:Filter ${NAMESPACES}>${body}</fes:Filter>`;
const ref = (name: string) => `<fes:ValueReference>${name}</fes:ValueReference>`;
const literal = (value: string) => `<fes:Literal>${value}</fes:Literal>`;
const compare = (operator: string, name: string, value: string, attributes = '') =>
  `<fes:${operator}${attributes}>${ref(name)}${literal(value)}</fes:${operator}>`;
const equal = (name: string, value: string) => compare('PropertyIsEqualTo', name, value);

const toSql = (xml: string, overrides: Partial<FilterContext> = {}) =>
  filterToSql(xml, { ...context, ...overrides });

function filterErrorOf(xml: string): OgcException {
  try {
    toSql(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(OgcException);
    const ogc = error as OgcException;
    expect(ogc.code).toBe('InvalidParameterValue');
    expect(ogc.locator).toBe('FILTER');
    expect(ogc.status).toBe(400);
    // Chinese first, then English
    expect(ogc.message).toMatch(/^[^/]*[\u4e00-\u9fff][^]* \/ [A-Za-z]/);
    return ogc;
  }
  throw new Error(`the filter was accepted: ${xml}`);
}

describe('comparison operators', () => {
  it('compares a string attribute as text, with its name and the literal bound', () => {
    expect(toSql(filter(equal('land_use_code', '0701')))).toEqual({
      sql: 'f.properties->>$2 = $3::text',
      values: ['land_use_code', '0701'],
    });
  });

  it.each([
    ['PropertyIsEqualTo', '='],
    ['PropertyIsNotEqualTo', '<>'],
    ['PropertyIsLessThan', '<'],
    ['PropertyIsGreaterThan', '>'],
    ['PropertyIsLessThanOrEqualTo', '<='],
    ['PropertyIsGreaterThanOrEqualTo', '>='],
  ])('writes %s as %s over a numeric attribute', (operator, sqlOperator) => {
    expect(toSql(filter(compare(operator, 'plot_ratio', '2.5')))).toEqual({
      sql: `NULLIF(f.properties->>$2, '')::numeric ${sqlOperator} $3::numeric`,
      values: ['plot_ratio', '2.5'],
    });
  });

  it('compares integer attributes as numbers too', () => {
    expect(toSql(filter(compare('PropertyIsGreaterThan', 'quality_grade', ' 5 ')))).toEqual({
      sql: "NULLIF(f.properties->>$2, '')::numeric > $3::numeric",
      values: ['quality_grade', '5'],
    });
  });

  it('compares dates as dates and booleans as booleans', () => {
    expect(toSql(filter(compare('PropertyIsLessThan', 'approved_on', '2020-06-30T00:00:00Z')))).toEqual({
      sql: "NULLIF(f.properties->>$2, '')::date < $3::date",
      values: ['approved_on', '2020-06-30'],
    });
    expect(toSql(filter(equal('is_public', 'TRUE')))).toEqual({
      sql: "NULLIF(f.properties->>$2, '')::boolean = $3::boolean",
      values: ['is_public', 'true'],
    });
  });

  it('ignores case when matchCase is false, for strings only', () => {
    expect(
      toSql(filter(compare('PropertyIsEqualTo', 'district_name', 'abc', ' matchCase="false"'))).sql,
    ).toBe('lower(f.properties->>$2) = lower($3::text)');
    expect(toSql(filter(compare('PropertyIsEqualTo', 'plot_ratio', '2', ' matchCase="false"'))).sql).toBe(
      "NULLIF(f.properties->>$2, '')::numeric = $3::numeric",
    );
  });

  it('turns the operator around when the literal comes first', () => {
    const xml = filter(
      `<fes:PropertyIsLessThan>${literal('2.5')}${ref('plot_ratio')}</fes:PropertyIsLessThan>`,
    );
    expect(toSql(xml)).toEqual({
      sql: "NULLIF(f.properties->>$2, '')::numeric > $3::numeric",
      values: ['plot_ratio', '2.5'],
    });
  });

  it('compares two attributes of the same kind', () => {
    const xml = filter(
      `<fes:PropertyIsLessThan>${ref('plot_ratio')}${ref('quality_grade')}</fes:PropertyIsLessThan>`,
    );
    expect(toSql(xml)).toEqual({
      sql: "NULLIF(f.properties->>$2, '')::numeric < NULLIF(f.properties->>$3, '')::numeric",
      values: ['plot_ratio', 'quality_grade'],
    });
  });

  it('translates PropertyIsLike wildcards and escapes % and _ of the literal', () => {
    const like = (pattern: string, attributes = ' wildCard="*" singleChar="." escapeChar="!"') =>
      toSql(filter(compare('PropertyIsLike', 'district_name', pattern, attributes)));
    expect(like('天山*')).toEqual({
      sql: "f.properties->>$2 LIKE $3::text ESCAPE '\\'",
      values: ['district_name', '天山%'],
    });
    expect(like('50%_a.b!*c!!\\').values[1]).toBe('50\\%\\_a_b*c!\\\\');
    expect(like('#天山?', ' wildCard="#" singleChar="?" escapeChar="\\"').values[1]).toBe('%天山_');
    expect(like('天山*', ' wildCard="*" singleChar="." escapeChar="!" matchCase="false"').sql).toBe(
      "f.properties->>$2 ILIKE $3::text ESCAPE '\\'",
    );
  });

  it('matches numeric attributes with PropertyIsLike as text', () => {
    expect(
      toSql(
        filter(compare('PropertyIsLike', 'plot_ratio', '2.*', ' wildCard="*" singleChar="?" escapeChar="!"')),
      ),
    ).toEqual({
      sql: "f.properties->>$2 LIKE $3::text ESCAPE '\\'",
      values: ['plot_ratio', '2.%'],
    });
  });

  it('writes PropertyIsBetween with both boundaries bound', () => {
    const xml = filter(
      `<fes:PropertyIsBetween>${ref('height_limit_m')}<fes:LowerBoundary>${literal('24')}</fes:LowerBoundary><fes:UpperBoundary>${literal('100')}</fes:UpperBoundary></fes:PropertyIsBetween>`,
    );
    const withHeight = {
      properties: [...context.properties, { name: 'height_limit_m', type: 'number' as const }],
    };
    expect(toSql(xml, withHeight)).toEqual({
      sql: "(NULLIF(f.properties->>$2, '')::numeric BETWEEN $3::numeric AND $4::numeric)",
      values: ['height_limit_m', '24', '100'],
    });
  });

  it('writes PropertyIsNull and PropertyIsNil as IS NULL', () => {
    expect(toSql(filter(`<fes:PropertyIsNull>${ref('district_name')}</fes:PropertyIsNull>`))).toEqual({
      sql: 'f.properties->>$2 IS NULL',
      values: ['district_name'],
    });
    expect(
      toSql(filter(`<fes:PropertyIsNil nilReason="missing">${ref('plot_ratio')}</fes:PropertyIsNil>`)),
    ).toEqual({
      sql: "NULLIF(f.properties->>$2, '')::numeric IS NULL",
      values: ['plot_ratio'],
    });
  });

  it('accepts a ValueReference with or without prefix and with the feature type step', () => {
    for (const name of [
      'land_use_code',
      'ob:land_use_code',
      'ob:land_use_plan/ob:land_use_code',
      'land_use_plan/land_use_code',
    ]) {
      expect(toSql(filter(equal(name, '0701'))).values).toEqual(['land_use_code', '0701']);
    }
  });

  it('binds a literal holding SQL as a value and never writes it into the SQL', () => {
    const hostile = "'; DROP TABLE layers; --";
    const result = toSql(filter(equal('district_name', hostile)));
    expect(result.values).toEqual(['district_name', hostile]);
    expect(result.sql).not.toContain('DROP');
    expect(result.sql).not.toContain("'; ");
  });

  it('decodes the predefined entities, character references and CDATA of a literal', () => {
    expect(
      toSql(filter(equal('district_name', 'A&amp;B &lt;&#x5929;&#23665;&gt; <![CDATA[&amp;<x>]]>')))
        .values[1],
    ).toBe('A&B <天山> &amp;<x>');
  });
});

describe('logical operators', () => {
  it('joins any number of And operands and numbers the placeholders in document order', () => {
    const xml = filter(
      `<fes:And>${equal('land_use_code', '0701')}${compare('PropertyIsGreaterThan', 'plot_ratio', '2.5')}${equal('district_name', '天山区')}</fes:And>`,
    );
    expect(toSql(xml)).toEqual({
      sql: "(f.properties->>$2 = $3::text AND NULLIF(f.properties->>$4, '')::numeric > $5::numeric AND f.properties->>$6 = $7::text)",
      values: ['land_use_code', '0701', 'plot_ratio', '2.5', 'district_name', '天山区'],
    });
  });

  it('nests Or and Not', () => {
    const xml = filter(
      `<fes:Or><fes:Not>${equal('land_use_code', '0701')}</fes:Not><fes:PropertyIsNull>${ref('plot_ratio')}</fes:PropertyIsNull></fes:Or>`,
    );
    expect(toSql(xml)).toEqual({
      sql: "(NOT (f.properties->>$2 = $3::text) OR NULLIF(f.properties->>$4, '')::numeric IS NULL)",
      values: ['land_use_code', '0701', 'plot_ratio'],
    });
  });

  it('starts at the first parameter the caller leaves free', () => {
    expect(toSql(filter(equal('land_use_code', '0701')), { firstParameter: 7 }).sql).toBe(
      'f.properties->>$7 = $8::text',
    );
  });

  it('reads the FES namespace under any prefix, as the default namespace, or with none', () => {
    const expected = { sql: 'f.properties->>$2 = $3::text', values: ['land_use_code', '0701'] };
    const body = (p: string) =>
      `<${p}PropertyIsEqualTo><${p}ValueReference>land_use_code</${p}ValueReference><${p}Literal>0701</${p}Literal></${p}PropertyIsEqualTo>`;
    expect(toSql(`<f:Filter xmlns:f="http://www.opengis.net/fes/2.0">${body('f:')}</f:Filter>`)).toEqual(
      expected,
    );
    expect(toSql(`<Filter xmlns="http://www.opengis.net/fes/2.0">${body('')}</Filter>`)).toEqual(expected);
    expect(toSql(`<?xml version="1.0" encoding="UTF-8"?>\n<Filter>${body('')}</Filter>`)).toEqual(expected);
    expect(
      toSql(`<fes:Filter ${NAMESPACES}>\n  <!-- a comment -->\n  ${body('fes:')}\n</fes:Filter>\n`),
    ).toEqual(expected);
  });

  it('reads FES 1.1 PropertyName as a ValueReference', () => {
    const xml = `<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsEqualTo><ogc:PropertyName>land_use_code</ogc:PropertyName><ogc:Literal>0701</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>`;
    expect(toSql(xml).values).toEqual(['land_use_code', '0701']);
  });

  it('maps ResourceId to the feature key', () => {
    expect(toSql(filter('<fes:ResourceId rid="TS-0043-001"/>'))).toEqual({
      sql: 'f.feature_key = $2',
      values: ['TS-0043-001'],
    });
    expect(toSql(filter('<fes:ResourceId rid="a"/><fes:ResourceId rid="b"/>'))).toEqual({
      sql: 'f.feature_key = ANY($2::text[])',
      values: [['a', 'b']],
    });
  });
});

describe('spatial operators', () => {
  const geometrySql = (wkt: number, srid: number) =>
    `ST_Transform(ST_GeomFromText($${wkt}, $${srid}::int), 4490)`;
  const envelope = (lower: string, upper: string, srsName?: string) =>
    `<gml:Envelope${srsName ? ` srsName="${srsName}"` : ''}><gml:lowerCorner>${lower}</gml:lowerCorner><gml:upperCorner>${upper}</gml:upperCorner></gml:Envelope>`;
  const BOX_WKT = 'POLYGON((87.5 43.7,87.7 43.7,87.7 43.9,87.5 43.9,87.5 43.7))';

  it('reads a URN EPSG::4490 envelope as latitude, longitude', () => {
    const xml = filter(
      `<fes:BBOX>${ref('ob:geom')}${envelope('43.7 87.5', '43.9 87.7', 'urn:ogc:def:crs:EPSG::4490')}</fes:BBOX>`,
    );
    expect(toSql(xml)).toEqual({
      sql: `ST_Intersects(f.geom, ${geometrySql(2, 3)})`,
      values: [BOX_WKT, 4490],
    });
  });

  it('reads a short EPSG:4490 envelope as longitude, latitude', () => {
    const xml = filter(
      `<fes:BBOX>${ref('geom')}${envelope('87.5 43.7', '87.7 43.9', 'EPSG:4490')}</fes:BBOX>`,
    );
    expect(toSql(xml).values).toEqual([BOX_WKT, 4490]);
  });

  it('takes the URN of EPSG:4490 (latitude first) when no srsName is given, and the ValueReference is optional', () => {
    expect(toSql(filter(`<fes:BBOX>${envelope('43.7 87.5', '43.9 87.7')}</fes:BBOX>`))).toEqual({
      sql: `ST_Intersects(f.geom, ${geometrySql(2, 3)})`,
      values: [BOX_WKT, 4490],
    });
  });

  it('reads CRS:84 as longitude, latitude and a Gauss-Krüger URN as northing, easting', () => {
    expect(
      toSql(filter(`<fes:BBOX>${envelope('87.5 43.7', '87.7 43.9', 'CRS:84')}</fes:BBOX>`)).values,
    ).toEqual([BOX_WKT, 4326]);
    const gk = toSql(
      filter(
        `<fes:BBOX>${envelope('4850000 400000', '4860000 410000', 'urn:ogc:def:crs:EPSG::4538')}</fes:BBOX>`,
      ),
    );
    expect(gk.values).toEqual([
      'POLYGON((400000 4850000,410000 4850000,410000 4860000,400000 4860000,400000 4850000))',
      4538,
    ]);
    const mercator = toSql(
      filter(
        `<fes:BBOX>${envelope('9750000 5430000', '9760000 5440000', 'http://www.opengis.net/def/crs/EPSG/0/3857')}</fes:BBOX>`,
      ),
    );
    expect(mercator.values[1]).toBe(3857);
    expect(mercator.values[0]).toMatch(/^POLYGON\(\(9750000 5430000,/);
  });

  it('writes Intersects with a polygon and its hole', () => {
    const xml = filter(
      `<fes:Intersects>${ref('ob:geom')}<gml:Polygon srsName="urn:ogc:def:crs:EPSG::4490"><gml:exterior><gml:LinearRing><gml:posList>43.7 87.5 43.7 87.7 43.9 87.7 43.7 87.5</gml:posList></gml:LinearRing></gml:exterior><gml:interior><gml:LinearRing><gml:posList srsDimension="2">43.75 87.6 43.75 87.65 43.8 87.65 43.75 87.6</gml:posList></gml:LinearRing></gml:interior></gml:Polygon></fes:Intersects>`,
    );
    expect(toSql(xml)).toEqual({
      sql: `ST_Intersects(f.geom, ${geometrySql(2, 3)})`,
      values: [
        'POLYGON((87.5 43.7,87.7 43.7,87.7 43.9,87.5 43.7),(87.6 43.75,87.65 43.75,87.65 43.8,87.6 43.75))',
        4490,
      ],
    });
  });

  it('writes Within, Contains and Disjoint in document order', () => {
    const polygon = `<gml:Polygon srsName="EPSG:4490"><gml:exterior><gml:LinearRing><gml:pos>87.5 43.7</gml:pos><gml:pos>87.7 43.7</gml:pos><gml:pos>87.7 43.9</gml:pos><gml:pos>87.5 43.7</gml:pos></gml:LinearRing></gml:exterior></gml:Polygon>`;
    expect(toSql(filter(`<fes:Within>${ref('geom')}${polygon}</fes:Within>`))).toEqual({
      sql: `ST_Within(f.geom, ${geometrySql(2, 3)})`,
      values: ['POLYGON((87.5 43.7,87.7 43.7,87.7 43.9,87.5 43.7))', 4490],
    });
    const point = '<gml:Point srsName="EPSG:4490"><gml:pos>87.6 43.8</gml:pos></gml:Point>';
    expect(toSql(filter(`<fes:Contains>${ref('geom')}${point}</fes:Contains>`))).toEqual({
      sql: `ST_Contains(f.geom, ${geometrySql(2, 3)})`,
      values: ['POINT(87.6 43.8)', 4490],
    });
    const line =
      '<gml:LineString srsName="EPSG:4490"><gml:posList>87.5 43.7 87.7 43.9</gml:posList></gml:LineString>';
    expect(toSql(filter(`<fes:Disjoint>${ref('geom')}${line}</fes:Disjoint>`))).toEqual({
      sql: `ST_Disjoint(f.geom, ${geometrySql(2, 3)})`,
      values: ['LINESTRING(87.5 43.7,87.7 43.9)', 4490],
    });
  });

  it('reads multi-geometries, 3D coordinates and GML 3.1.1', () => {
    const ring = (x: number) =>
      `<gml:LinearRing><gml:posList>${x} 43.7 ${x + 0.1} 43.7 ${x + 0.1} 43.8 ${x} 43.7</gml:posList></gml:LinearRing>`;
    const multiSurface = `<gml:MultiSurface srsName="EPSG:4490"><gml:surfaceMember><gml:Polygon><gml:exterior>${ring(87.5)}</gml:exterior></gml:Polygon></gml:surfaceMember><gml:surfaceMember><gml:Polygon><gml:exterior>${ring(87.7)}</gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>`;
    expect(toSql(filter(`<fes:Intersects>${ref('geom')}${multiSurface}</fes:Intersects>`)).values[0]).toBe(
      'MULTIPOLYGON(((87.5 43.7,87.6 43.7,87.6 43.8,87.5 43.7)),((87.7 43.7,87.8 43.7,87.8 43.8,87.7 43.7)))',
    );
    const multiPoint =
      '<gml:MultiPoint srsName="EPSG:4490"><gml:pointMember><gml:Point><gml:pos>87.6 43.8</gml:pos></gml:Point></gml:pointMember><gml:pointMember><gml:Point><gml:pos>87.7 43.9</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>';
    expect(toSql(filter(`<fes:Intersects>${ref('geom')}${multiPoint}</fes:Intersects>`)).values[0]).toBe(
      'MULTIPOINT((87.6 43.8),(87.7 43.9))',
    );
    const multiCurve =
      '<gml:MultiCurve srsName="urn:ogc:def:crs:EPSG::4490" srsDimension="3"><gml:curveMember><gml:LineString><gml:posList>43.7 87.5 900 43.9 87.7 910</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve>';
    expect(toSql(filter(`<fes:Intersects>${ref('geom')}${multiCurve}</fes:Intersects>`)).values[0]).toBe(
      'MULTILINESTRING((87.5 43.7,87.7 43.9))',
    );
    const gml311 = `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:g="http://www.opengis.net/gml"><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><g:Point srsName="EPSG:4490"><g:pos>87.6 43.8</g:pos></g:Point></fes:Intersects></fes:Filter>`;
    expect(toSql(gml311).values).toEqual(['POINT(87.6 43.8)', 4490]);
  });

  it('measures DWithin on the spheroid in metres', () => {
    const dwithin = (distance: string, operator = 'DWithin') =>
      filter(
        `<fes:${operator}>${ref('ob:geom')}<gml:Point srsName="urn:ogc:def:crs:EPSG::4490"><gml:pos>43.8 87.6</gml:pos></gml:Point>${distance}</fes:${operator}>`,
      );
    const within = `ST_DWithin(f.geom::geography, ${geometrySql(2, 3)}::geography, $4::float8)`;
    expect(toSql(dwithin('<fes:Distance uom="m">500</fes:Distance>'))).toEqual({
      sql: within,
      values: ['POINT(87.6 43.8)', 4490, 500],
    });
    expect(toSql(dwithin('<fes:Distance uom="metre">500</fes:Distance>')).values[2]).toBe(500);
    expect(toSql(dwithin('<fes:Distance uom="km">1.5</fes:Distance>')).values[2]).toBe(1500);
    expect(toSql(dwithin('<fes:Distance uom="m">500</fes:Distance>', 'Beyond')).sql).toBe(`NOT ${within}`);
  });

  it('refuses distances without a length unit, in degrees or negative', () => {
    const dwithin = (distance: string) =>
      filter(
        `<fes:DWithin>${ref('geom')}<gml:Point srsName="EPSG:4490"><gml:pos>87.6 43.8</gml:pos></gml:Point>${distance}</fes:DWithin>`,
      );
    expect(filterErrorOf(dwithin('<fes:Distance>500</fes:Distance>')).message).toMatch(/uom/);
    expect(filterErrorOf(dwithin('<fes:Distance uom="deg">0.01</fes:Distance>')).message).toMatch(/deg/);
    expect(filterErrorOf(dwithin('<fes:Distance uom="constructor">1</fes:Distance>')).message).toMatch(
      /constructor/,
    );
    expect(filterErrorOf(dwithin('<fes:Distance uom="m">-5</fes:Distance>')).message).toMatch(/-5/);
    expect(filterErrorOf(dwithin('')).message).toMatch(/Distance/);
  });

  it('refuses coordinates that cannot be longitude and latitude, naming the axis order', () => {
    // Beijing written longitude first under a URN: 116.3 cannot be a latitude
    const xml = filter(
      `<fes:BBOX>${envelope('116.3 39.9', '116.5 40.1', 'urn:ogc:def:crs:EPSG::4490')}</fes:BBOX>`,
    );
    expect(filterErrorOf(xml).message).toMatch(/latitude first/);
  });

  it('refuses an open ring, a spatial operator on an attribute and a comparison on the geometry', () => {
    const open = filter(
      `<fes:Intersects>${ref('geom')}<gml:Polygon srsName="EPSG:4490"><gml:exterior><gml:LinearRing><gml:posList>87.5 43.7 87.7 43.7 87.7 43.9 87.5 43.8</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Intersects>`,
    );
    expect(filterErrorOf(open).message).toMatch(/LinearRing/);
    expect(
      filterErrorOf(filter(`<fes:BBOX>${ref('plot_ratio')}${envelope('43.7 87.5', '43.9 87.7')}</fes:BBOX>`))
        .message,
    ).toMatch(/plot_ratio/);
    expect(filterErrorOf(filter(equal('geom', 'x'))).message).toMatch(/geometry/);
  });
});

describe('refusals', () => {
  it('refuses XML that is not well formed', () => {
    expect(filterErrorOf(filter('<fes:And>')).message).toMatch(/well-formed/);
    expect(
      filterErrorOf(`<fes:Filter ${NAMESPACES}>${equal('land_use_code', 'a & b')}</fes:Filter>`).message,
    ).toMatch(/&amp;/);
    expect(filterErrorOf('not xml at all').message).toMatch(/well-formed/);
    expect(filterErrorOf('<a/><b/>').message).toMatch(/root/);
    expect(filterErrorOf('').message).toMatch(/empty/);
  });

  it('refuses a DOCTYPE, entity declarations and entity references before parsing (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE fes:Filter [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><fes:Filter ${NAMESPACES}>${equal('district_name', '&xxe;')}</fes:Filter>`;
    expect(filterErrorOf(xxe).message).toMatch(/DOCTYPE/);
    expect(filterErrorOf(`<!ENTITY a "b"><fes:Filter ${NAMESPACES}/>`).message).toMatch(/entit/);
    const reference = filterErrorOf(filter(equal('district_name', '&xxe;')));
    expect(reference.message).toMatch(/&xxe;/);
    expect(filterErrorOf(filter(equal('district_name', '&#0;'))).message).toMatch(/character reference/);
  });

  it('refuses unknown properties and says which, including names made to look like SQL', () => {
    const unknown = filterErrorOf(filter(equal('height', '10')));
    expect(unknown.message).toMatch(/unknown property height/);
    expect(unknown.message).toMatch(/land_use_code/);
    expect(filterErrorOf(filter(equal("name'); DROP", '1'))).message).toContain("name'); DROP");
    expect(filterErrorOf(filter(equal('a/b/land_use_code', '1'))).message).toMatch(/unknown property/);
    expect(filterErrorOf(filter(equal('land_use_code[1]', '1'))).message).toMatch(/unknown property/);
  });

  it('refuses unknown operators and the unsupported ones by name', () => {
    expect(filterErrorOf(filter(compare('PropertyIsSimilarTo', 'land_use_code', '07'))).message).toMatch(
      /PropertyIsSimilarTo/,
    );
    expect(
      filterErrorOf(filter(`<fes:After>${ref('approved_on')}${literal('2020-01-01')}</fes:After>`)).message,
    ).toMatch(/temporal/);
    expect(
      filterErrorOf(`<x:Filter xmlns:x="urn:other" ${NAMESPACES}>${equal('land_use_code', '1')}</x:Filter>`)
        .message,
    ).toMatch(/x:Filter/);
    expect(filterErrorOf(filter('')).message).toMatch(/no operator/);
    expect(filterErrorOf(filter(equal('land_use_code', '1') + equal('land_use_code', '2'))).message).toMatch(
      /one operator/,
    );
  });

  it('refuses literals that do not fit the attribute type', () => {
    expect(filterErrorOf(filter(compare('PropertyIsGreaterThan', 'plot_ratio', '2,5'))).message).toMatch(
      /not a number/,
    );
    expect(
      filterErrorOf(filter(compare('PropertyIsGreaterThan', 'quality_grade', '1; DROP'))).message,
    ).toMatch(/quality_grade/);
    expect(filterErrorOf(filter(compare('PropertyIsLessThan', 'approved_on', '2020-02-30'))).message).toMatch(
      /date/,
    );
    expect(filterErrorOf(filter(equal('is_public', 'yes'))).message).toMatch(/true or false/);
    const mixed = filter(
      `<fes:PropertyIsEqualTo>${ref('plot_ratio')}${ref('district_name')}</fes:PropertyIsEqualTo>`,
    );
    expect(filterErrorOf(mixed).message).toMatch(/cannot compare/);
  });

  it('refuses nesting deeper than 50 operators', () => {
    const nested = (depth: number) =>
      filter('<fes:Not>'.repeat(depth - 1) + equal('land_use_code', '1') + '</fes:Not>'.repeat(depth - 1));
    expect(toSql(nested(50)).sql).toMatch(/^(NOT \(){49}f\.properties/);
    expect(filterErrorOf(nested(51)).message).toMatch(/deeper than 50/);
    expect(filterErrorOf(nested(500)).message).toMatch(/deeper than/);
  });

  it('refuses more than 1,000 operators', () => {
    const and = (operands: number) =>
      filter(
        `<fes:And>${Array.from({ length: operands }, (_, i) => equal('land_use_code', String(i))).join('')}</fes:And>`,
      );
    expect(toSql(and(999)).values).toHaveLength(1998);
    expect(filterErrorOf(and(1000)).message).toMatch(/more than 1000 operators/);
  });

  it('refuses an unsupported CRS', () => {
    const bbox = (srsName: string) =>
      filter(
        `<fes:BBOX><gml:Envelope srsName="${srsName}"><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></fes:BBOX>`,
      );
    expect(filterErrorOf(bbox('EPSG:27700')).message).toMatch(/unsupported CRS EPSG:27700/);
    expect(filterErrorOf(bbox("EPSG:4490' OR 1=1")).message).toMatch(/unsupported CRS/);
  });

  it('refuses a prefix bound to no namespace', () => {
    expect(filterErrorOf(`<fes:Filter>${equal('land_use_code', '1')}</fes:Filter>`).message).toMatch(
      /prefix fes/,
    );
  });
});

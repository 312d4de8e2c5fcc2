// FES filters run against the sample city in PostGIS: each generated SQL must select exactly the
// features that the same condition, written directly in SQL, selects.
import { Pool } from 'pg';
import { filterToSql, type FilterContext, type FilterProperty } from '../../../spatial-api/ogc/fes';
import { testDatabaseUrl } from '../../support/environment';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(() => pool.end());

const NAMESPACES = 'xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"';
const filter = (body: string) => `<fes:Filter ${NAMESPACES}>${body}</fes:Filter>`;
const ref = (name: string) => `<fes:ValueReference>${name}</fes:ValueReference>`;
const literal = (value: string) => `<fes:Literal>${value}</fes:Literal>`;
const compare = (operator: string, name: string, value: string, attributes = '') =>
  `<fes:${operator}${attributes}>${ref(name)}${literal(value)}</fes:${operator}>`;
const envelope = (lower: string, upper: string, srsName: string) =>
  `<gml:Envelope srsName="${srsName}"><gml:lowerCorner>${lower}</gml:lowerCorner><gml:upperCorner>${upper}</gml:upperCorner></gml:Envelope>`;

const FROM_CURRENT = `FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = $1`;

async function contextOf(layer: string): Promise<FilterContext> {
  const { rows } = await pool.query<{ attribute_schema: FilterProperty[] }>(
    'SELECT attribute_schema FROM layers WHERE code = $1',
    [layer],
  );
  const schema = rows[0]?.attribute_schema;
  if (!schema) throw new Error(`layer ${layer} is not in the catalog`);
  return {
    properties: schema.map(({ name, type }) => ({ name, type })),
    geometryName: 'ob:geom',
    firstParameter: 2,
  };
}

/** Features of the layer's current version that the filter selects. */
async function filtered(layer: string, xml: string): Promise<number> {
  const { sql, values } = filterToSql(xml, await contextOf(layer));
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM_CURRENT} AND (${sql})`, [
    layer,
    ...values,
  ]);
  return rows[0]!.n;
}

/** Features of the layer's current version that a hand-written condition selects ($2.. are values). */
async function direct(layer: string, condition: string, values: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n ${FROM_CURRENT} AND (${condition})`,
    [layer, ...values],
  );
  return rows[0]!.n;
}

async function expectSame(
  layer: string,
  xml: string,
  condition: string,
  values: unknown[] = [],
): Promise<number> {
  const expected = await direct(layer, condition, values);
  expect(await filtered(layer, xml)).toBe(expected);
  return expected;
}

describe('FES filters in PostGIS', () => {
  it('selects land-use code 0701 with a plot ratio above 2.5', async () => {
    const xml = filter(
      `<fes:And>${compare('PropertyIsEqualTo', 'ob:land_use_code', '0701')}${compare('PropertyIsGreaterThan', 'ob:land_use_plan/ob:plot_ratio', '2.5')}</fes:And>`,
    );
    const n = await expectSame(
      'land_use_plan',
      xml,
      `f.properties->>'land_use_code' = '0701' AND (f.properties->>'plot_ratio')::numeric > 2.5`,
    );
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(await direct('land_use_plan', `f.properties->>'land_use_code' = '0701'`));
  });

  it('compares numbers as numbers, not as text', async () => {
    // as text, '9' > '24' would hold
    const n = await expectSame(
      'land_use_plan',
      filter(compare('PropertyIsLessThan', 'height_limit_m', '24')),
      `(f.properties->>'height_limit_m')::numeric < 24`,
    );
    expect(n).toBeGreaterThan(0);
    await expectSame(
      'land_use_plan',
      filter(
        `<fes:PropertyIsBetween>${ref('height_limit_m')}<fes:LowerBoundary>${literal('24')}</fes:LowerBoundary><fes:UpperBoundary>${literal('60')}</fes:UpperBoundary></fes:PropertyIsBetween>`,
      ),
      `(f.properties->>'height_limit_m')::numeric BETWEEN 24 AND 60`,
    );
  });

  it('compares the integer quality grade of basic farmland', async () => {
    // grades run from 7 to 13: as text, '7', '8' and '9' would all be >= '10'
    const n = await expectSame(
      'permanent_basic_farmland',
      filter(compare('PropertyIsGreaterThanOrEqualTo', 'quality_grade', '10')),
      `(f.properties->>'quality_grade')::int >= 10`,
    );
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(2000);
  });

  it('finds the null attributes that PropertyIsNull names', async () => {
    // land-use classes without a GB 50137 equivalent have a null gb50137_code
    const isNull = `<fes:PropertyIsNull>${ref('gb50137_code')}</fes:PropertyIsNull>`;
    const n = await expectSame('land_use_plan', filter(isNull), `f.properties->>'gb50137_code' IS NULL`);
    expect(n).toBeGreaterThan(0);
    await expectSame(
      'land_use_plan',
      filter(`<fes:Not>${isNull}</fes:Not>`),
      `f.properties->>'gb50137_code' IS NOT NULL`,
    );
  });

  it('matches 天山% with PropertyIsLike, and a literal underscore only as itself', async () => {
    const like = (pattern: string) =>
      filter(
        compare('PropertyIsLike', 'district_name', pattern, ' wildCard="*" singleChar="." escapeChar="!"'),
      );
    const n = await expectSame('land_use_plan', like('天山*'), `f.properties->>'district_name' LIKE '天山%'`);
    expect(n).toBeGreaterThan(0);
    expect(n).toBe(await direct('land_use_plan', `f.properties->>'district_name' = '天山区'`));
    // parcel codes hold no underscore: an unescaped "_" would match every one of them
    expect(
      await filtered(
        'land_use_plan',
        filter(
          compare('PropertyIsLike', 'parcel_code', '*_*', ' wildCard="*" singleChar="." escapeChar="!"'),
        ),
      ),
    ).toBe(await direct('land_use_plan', `strpos(f.properties->>'parcel_code', '_') > 0`));
    expect(await direct('land_use_plan', `strpos(f.properties->>'parcel_code', '_') > 0`)).toBe(0);
  });

  it('ignores case when matchCase is false', async () => {
    const { rows } = await pool.query<{ code: string }>(
      `SELECT f.properties->>'parcel_code' AS code ${FROM_CURRENT} ORDER BY f.id LIMIT 1`,
      ['land_use_plan'],
    );
    const code = rows[0]!.code;
    expect(code).toMatch(/[A-Z]/);
    const lower = code.toLowerCase();
    expect(await filtered('land_use_plan', filter(compare('PropertyIsEqualTo', 'parcel_code', lower)))).toBe(
      0,
    );
    expect(
      await filtered(
        'land_use_plan',
        filter(compare('PropertyIsEqualTo', 'parcel_code', lower, ' matchCase="false"')),
      ),
    ).toBe(1);
  });

  it('combines Or and Not', async () => {
    const xml = filter(
      `<fes:Or>${compare('PropertyIsEqualTo', 'district_name', '天山区')}<fes:Not>${compare('PropertyIsEqualTo', 'land_use_code', '0701')}</fes:Not></fes:Or>`,
    );
    const n = await expectSame(
      'land_use_plan',
      xml,
      `f.properties->>'district_name' = '天山区' OR NOT (f.properties->>'land_use_code' = '0701')`,
    );
    expect(n).toBeGreaterThan(0);
  });

  it('selects by BBOX around 87.6, 43.8 in either axis order', async () => {
    const condition = 'ST_Intersects(f.geom, ST_MakeEnvelope(87.58, 43.78, 87.62, 43.82, 4490))';
    const latitudeFirst = filter(
      `<fes:BBOX>${ref('ob:geom')}${envelope('43.78 87.58', '43.82 87.62', 'urn:ogc:def:crs:EPSG::4490')}</fes:BBOX>`,
    );
    const n = await expectSame('land_use_plan', latitudeFirst, condition);
    expect(n).toBeGreaterThan(0);
    const longitudeFirst = filter(
      `<fes:BBOX>${envelope('87.58 43.78', '87.62 43.82', 'EPSG:4490')}</fes:BBOX>`,
    );
    expect(await filtered('land_use_plan', longitudeFirst)).toBe(n);
  });

  it('selects by a BBOX in the Gauss-Krüger zone of the city (northing first)', async () => {
    const { rows } = await pool.query<{ x1: number; y1: number; x2: number; y2: number }>(
      `SELECT ST_X(a) AS x1, ST_Y(a) AS y1, ST_X(b) AS x2, ST_Y(b) AS y2 FROM (SELECT
         ST_Transform(ST_SetSRID(ST_MakePoint(87.58, 43.78), 4490), 4538) AS a,
         ST_Transform(ST_SetSRID(ST_MakePoint(87.62, 43.82), 4490), 4538) AS b) corners`,
    );
    const { x1, y1, x2, y2 } = rows[0]!;
    const xml = filter(
      `<fes:BBOX>${envelope(`${y1} ${x1}`, `${y2} ${x2}`, 'urn:ogc:def:crs:EPSG::4538')}</fes:BBOX>`,
    );
    const n = await expectSame(
      'land_use_plan',
      xml,
      'ST_Intersects(f.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, 4538), 4490))',
      [x1, y1, x2, y2],
    );
    expect(n).toBeGreaterThan(0);
  });

  it('selects features within 500 m of a point, measured on the spheroid', async () => {
    const dwithin = (distance: string) =>
      filter(
        `<fes:DWithin>${ref('geom')}<gml:Point srsName="urn:ogc:def:crs:EPSG::4490"><gml:pos>43.8 87.6</gml:pos></gml:Point>${distance}</fes:DWithin>`,
      );
    const point = 'ST_SetSRID(ST_MakePoint(87.6, 43.8), 4490)::geography';
    const n = await expectSame(
      'land_use_plan',
      dwithin('<fes:Distance uom="m">500</fes:Distance>'),
      `ST_DWithin(f.geom::geography, ${point}, 500)`,
    );
    expect(n).toBeGreaterThan(0);
    const wider = await expectSame(
      'land_use_plan',
      dwithin('<fes:Distance uom="km">1.5</fes:Distance>'),
      `ST_DWithin(f.geom::geography, ${point}, 1500)`,
    );
    expect(wider).toBeGreaterThan(n);
  });

  it('selects by Intersects and Within a polygon', async () => {
    const polygon = `<gml:Polygon srsName="EPSG:4490"><gml:exterior><gml:LinearRing><gml:posList>87.57 43.77 87.63 43.77 87.63 43.83 87.57 43.83 87.57 43.77</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
    const wkt = 'POLYGON((87.57 43.77,87.63 43.77,87.63 43.83,87.57 43.83,87.57 43.77))';
    const intersecting = await expectSame(
      'land_use_plan',
      filter(`<fes:Intersects>${ref('geom')}${polygon}</fes:Intersects>`),
      'ST_Intersects(f.geom, ST_GeomFromText($2, 4490))',
      [wkt],
    );
    const within = await expectSame(
      'land_use_plan',
      filter(`<fes:Within>${ref('geom')}${polygon}</fes:Within>`),
      'ST_Within(f.geom, ST_GeomFromText($2, 4490))',
      [wkt],
    );
    expect(within).toBeGreaterThan(0);
    expect(within).toBeLessThan(intersecting);
  });

  it('selects one feature by ResourceId', async () => {
    const { rows } = await pool.query<{ key: string }>(
      `SELECT f.feature_key AS key ${FROM_CURRENT} AND f.feature_key IS NOT NULL ORDER BY f.id LIMIT 1`,
      ['land_use_plan'],
    );
    const key = rows[0]!.key;
    expect(await filtered('land_use_plan', filter(`<fes:ResourceId rid="${key}"/>`))).toBe(
      await direct('land_use_plan', 'f.feature_key = $2', [key]),
    );
  });

  it('binds a literal holding SQL as a plain value', async () => {
    const hostile = "'; DROP TABLE layers; --";
    expect(
      await filtered('land_use_plan', filter(compare('PropertyIsEqualTo', 'district_name', hostile))),
    ).toBe(0);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM layers');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});

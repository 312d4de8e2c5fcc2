// GET /api/v1/locate: districts and place names of the sample city found by a part of their name, ranked
// district first and exact before partial, with extents that PostGIS agrees with; only layers the caller may
// read are searched (the non-public regional assessments appear for a planner, not for an anonymous
// visitor); bad input is a 400 naming the parameter.
import { signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
let planner: SignedIn;

interface Place {
  kind: 'district' | 'place';
  layerCode: string;
  name: string;
  featureCount: number;
  bbox: [number, number, number, number];
  geometry: { type: string };
}

async function locate(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/v1/locate?${query}`, { headers });
  return { status: response.status, body: (await response.json()) as { places: Place[]; error?: never } };
}

beforeAll(async () => {
  planner = await signIn(server.url, 'planner');
});

it('finds a district by its name, first, with the extent PostGIS gives its feature', async () => {
  const { status, body } = await locate(`q=${encodeURIComponent('天山')}`);
  expect(status).toBe(200);
  const first = body.places[0]!;
  expect(first).toMatchObject({ kind: 'district', layerCode: 'districts', name: '天山区', featureCount: 1 });
  const { rows } = await server.pool.query<{ box: number[] }>(
    `SELECT ARRAY[ST_XMin(f.geom), ST_YMin(f.geom), ST_XMax(f.geom), ST_YMax(f.geom)] AS box
     FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
     WHERE l.code = 'districts' AND f.properties->>'name' = '天山区'`,
  );
  first.bbox.forEach((value, i) => expect(value).toBeCloseTo(rows[0]!.box[i]!, 6));
  expect(['MultiPolygon', 'GeometryCollection', 'Polygon']).toContain(first.geometry.type);
  // the place names containing 天山 follow the districts
  expect(body.places.some((p) => p.kind === 'place' && p.name.includes('天山'))).toBe(true);
});

it('groups the features sharing a place name into one result', async () => {
  const { rows } = await server.pool.query<{ name: string; n: number }>(
    `SELECT f.properties->>'zone_name' AS name, count(*)::int AS n
     FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
     WHERE l.code = 'urban_master_plan' GROUP BY 1 ORDER BY 1 LIMIT 1`,
  );
  const { body } = await locate(`q=${encodeURIComponent(rows[0]!.name)}`);
  const match = body.places.find((p) => p.layerCode === 'urban_master_plan' && p.name === rows[0]!.name);
  expect(match?.featureCount).toBe(rows[0]!.n);
});

it('takes the pattern characters of the text literally', async () => {
  const { status, body } = await locate(`q=${encodeURIComponent('%')}`);
  expect(status).toBe(200);
  expect(body.places).toEqual([]);
});

it('searches a layer that is not public only for those who may read it', async () => {
  const { rows } = await server.pool.query<{ name: string }>(
    `SELECT f.properties->>'name' AS name FROM layers l
     JOIN layer_features f ON f.layer_version_id = l.current_version_id
     WHERE l.code = 'regional_assessments' AND NOT l.public LIMIT 1`,
  );
  expect(rows).toHaveLength(1);
  const q = `q=${encodeURIComponent(rows[0]!.name)}`;
  const anonymous = await locate(q);
  expect(anonymous.body.places.filter((p) => p.layerCode === 'regional_assessments')).toEqual([]);
  const signedIn = await locate(q, planner.headers());
  expect(signedIn.body.places.some((p) => p.layerCode === 'regional_assessments')).toBe(true);
});

it.each([
  ['', 'q'],
  ['q=%20%20', 'q'],
  [`q=${'长'.repeat(101)}`, 'q'],
  ['q=%E5%A4%A9&limit=0', 'limit'],
  ['q=%E5%A4%A9&limit=many', 'limit'],
])('refuses %s with a 400 naming %s', async (query, parameter) => {
  const response = await fetch(`${server.url}/api/v1/locate?${query}`);
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { details: { parameter: string } } };
  expect(body.error.details.parameter).toBe(parameter);
});

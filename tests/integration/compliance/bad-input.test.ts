// Sites and requests a compliance check must refuse (400 naming the parameter, 404 for what does not exist),
// and the self-intersecting site it repairs and says so; nothing is stored for a refused check.
import { createTestUser, signIn, type SignedIn } from '../../support/access';
import { bowTie, postCheck, square } from '../../support/compliance-checks';
import { useTestServer } from '../../support/test-server';

describe('compliance check bad input', () => {
  const server = useTestServer();
  // a reviewer of the suite's own (the whole city, no other suite checks as them), so the runs stored by
  // them can be counted while suites run in parallel
  let reviewer: SignedIn;
  let reviewerId: number;
  beforeAll(async () => {
    const user = await createTestUser(server.pool, { prefix: 'bad_input', roles: ['reviewer'] });
    reviewerId = user.id;
    reviewer = await signIn(server.url, user.username, user.password);
  });
  const runsOfUser = async () =>
    (
      await server.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM compliance_runs WHERE created_by = $1',
        [reviewerId],
      )
    ).rows[0]!.n;
  const clean = square(87.4432, 43.8046, 60);

  it.each([
    [
      'invalid GeoJSON (a ring of two positions)',
      {
        type: 'Polygon',
        coordinates: [
          [
            [87.44, 43.8],
            [87.45, 43.8],
          ],
        ],
      },
    ],
    [
      'an unclosed ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [87.44, 43.8],
            [87.45, 43.8],
            [87.45, 43.81],
            [87.44, 43.81],
          ],
        ],
      },
    ],
    [
      'coordinates that are not numbers',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['a', 'b'],
            [1, 2],
            [3, 4],
            ['a', 'b'],
          ],
        ],
      },
    ],
    ['a point', { type: 'Point', coordinates: [87.44, 43.8] }],
    [
      'a line',
      {
        type: 'LineString',
        coordinates: [
          [87.44, 43.8],
          [87.45, 43.8],
        ],
      },
    ],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }],
    ['an empty multipolygon', { type: 'MultiPolygon', coordinates: [] }],
    ['latitude and longitude swapped', square(43.8046, 87.4432, 60)],
    ['a site outside the city', square(88.9, 43.8, 200)],
    ['a site of 10,000 km²', square(87.6, 43.8, 100_000)],
    ['no geometry at all', undefined],
  ])('refuses %s naming geometry', async (_name, geometry) => {
    const before = await runsOfUser();
    const { status, body } = await postCheck(server.url, reviewer, { geometry });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'bad_request', details: { parameter: 'geometry' } });
    expect(body.error!.message).toMatch(/ \/ /); // Chinese, then English
    expect(await runsOfUser()).toBe(before);
  });

  it('says to check the axis order when latitude and longitude are swapped', async () => {
    const { body } = await postCheck(server.url, reviewer, { geometry: square(43.8046, 87.4432, 60) });
    expect(body.error!.message).toContain('坐标轴顺序');
  });

  it('says how large a too-large site is', async () => {
    const { body } = await postCheck(server.url, reviewer, { geometry: square(87.6, 43.8, 100_000) });
    expect(body.error!.details.areaM2).toBeGreaterThan(9.9e9);
  });

  it('repairs a self-intersecting (bow-tie) site with ST_MakeValid and says so', async () => {
    const bowTieSite = bowTie(87.4432, 43.8046, 0.0005);
    const { status, body } = await postCheck(server.url, reviewer, { geometry: bowTieSite });
    expect({ status, error: body.error }).toEqual({ status: 201, error: undefined });
    expect(body.input).toMatchObject({
      repaired: true,
      repairReason: expect.stringMatching(/Self-intersection/i),
    });
    const { rows } = await server.pool.query<{ a: number }>(
      'SELECT ST_Area(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490))::geography) AS a',
      [JSON.stringify(bowTieSite)],
    );
    expect(Math.abs(body.siteAreaM2 - rows[0]!.a) / rows[0]!.a).toBeLessThan(1e-4);
  });

  it('refuses an unsupported CRS naming crs', async () => {
    const { status, body } = await postCheck(server.url, reviewer, { geometry: clean, crs: 'EPSG:32645' });
    expect(status).toBe(400);
    expect(body.error!.details).toMatchObject({ parameter: 'crs', value: 'EPSG:32645' });
  });

  it('answers 404 for an unknown rule set, naming ruleSet', async () => {
    const { status, body } = await postCheck(server.url, reviewer, {
      geometry: clean,
      ruleSet: 'no_such_rules',
    });
    expect(status).toBe(404);
    expect(body.error!.details).toMatchObject({ parameter: 'ruleSet', value: 'no_such_rules' });
  });

  it('answers 404 for an unknown project, naming projectCode', async () => {
    const code = '2024-650102-47-01-999999';
    const { status, body } = await postCheck(server.url, reviewer, { geometry: clean, projectCode: code });
    expect(status).toBe(404);
    expect(body.error!.details).toMatchObject({ parameter: 'projectCode', value: code });
  });
});

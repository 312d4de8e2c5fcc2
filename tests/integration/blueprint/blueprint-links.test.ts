// The one-blueprint standard page's server side: its data (GET /api/v1/blueprint) for an anonymous
// visitor (public layers, no project), a city system's key (every layer, the project's panel) and a signed
// link; the signed links issued by a signed-in user (bad input 400 naming the field, keys and other
// districts refused), verified on the page's data and tiles (a changed parameter or signature 403, an
// expired link 403, a tile outside its extent or of a layer it does not name 403, no credential elsewhere);
// and the frame-ancestors allow-list on /blueprint alone.
import { DEFAULT_HARDENING } from '../../../spatial-api';
import { linkSigningSecret, signLink } from '../../../accounts';
import { issueTestKey, requestJson, signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const EMBEDDING_SITE = 'https://oa.example.gov.cn';
const server = useTestServer({
  hardening: { ...DEFAULT_HARDENING, frameAncestors: ["'self'", EMBEDDING_SITE] },
});
/** a sample-city project in 天山区 (650102), sited inside the imagery */
const PROJECT = '2024-650102-72-02-000581';
/** a project of 新市区 (650104), outside planner_tianshan's districts */
const OTHER_DISTRICT_PROJECT = '2024-650104-89-01-000396';

let planner: SignedIn;
let key: string;
beforeAll(async () => {
  planner = await signIn(server.url, 'planner');
  key = await issueTestKey(server.pool, { name: 'blueprint-links-test' });
});

/** The XYZ tile holding a lon/lat point. */
function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

const page = (query: string, headers: Record<string, string> = {}) =>
  requestJson(`${server.url}/api/v1/blueprint?${query}`, { headers });

async function issueLink(body: Record<string, unknown>, as: SignedIn = planner) {
  return requestJson(`${server.url}/api/v1/blueprint-links`, { method: 'POST', headers: as.headers(), body });
}

describe('the page data', () => {
  it('gives an anonymous visitor the public layers of the standard set and no project', async () => {
    const res = await page(`projectCode=${PROJECT}`);
    expect(res.status).toBe(200);
    const codes = res.body.layers.map((l: { code: string }) => l.code);
    expect(codes).toEqual([
      'land_use_plan',
      'urban_development_boundary',
      'permanent_basic_farmland',
      'ecological_red_line',
      'blue_line',
      'green_line',
      'purple_line',
      'yellow_line',
      'districts',
    ]);
    expect(res.body.withheld).toEqual(['regional_assessments']);
    expect(res.body.project).toBeNull();
    expect(res.body.projectWithheld).toBe(true);
    expect(res.body.frame).toBeNull();
  });

  it('gives a key the layers that are not public too, and the project panel framed on its site', async () => {
    const res = await page(`projectCode=${PROJECT}&apikey=${key}`);
    expect(res.status).toBe(200);
    expect(res.body.layers[1]).toMatchObject({ code: 'regional_assessments' });
    const imagery = await page(`layers=imagery_2024,districts&apikey=${key}`);
    expect(imagery.body.layers[0]).toMatchObject({ code: 'imagery_2024', geometryType: 'Raster' });
    expect(res.body.withheld).toEqual([]);
    const { project, site, approval } = res.body.project;
    expect(project).toMatchObject({ code: PROJECT, name: '黄河路商业综合体项目', districtName: '天山区' });
    expect(project.constructionUnit).toEqual(expect.any(String));
    expect(site.areaM2).toBeGreaterThan(1000);
    expect(site.areaHa).toBeCloseTo(site.areaM2 / 10_000, 6);
    expect(site.areaMu).toBeCloseTo(site.areaM2 / (10_000 / 15), 3);
    expect(site.geometry.type).toBe('MultiPolygon');
    expect(res.body.frame).toEqual(site.bbox);
    expect(approval === null || typeof approval.stageName === 'string').toBe(true);
  });

  it('takes the layers asked for, in that order, and a bbox as the frame', async () => {
    const res = await page('layers=districts,land_use_plan&bbox=87.58,43.77,87.63,43.80');
    expect(res.status).toBe(200);
    expect(res.body.layers.map((l: { code: string }) => l.code)).toEqual(['districts', 'land_use_plan']);
    expect(res.body.frame).toEqual([87.58, 43.77, 87.63, 43.8]);
  });

  it.each([
    ['bbox=87.6,43.8,87.5', 'bbox'],
    ['bbox=43.77,87.58,43.8,87.63', 'bbox'],
    ['bbox=87.63,43.77,87.58,43.8', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['layers=no_such_layer', 'layers'],
    ['layers=DROP TABLE', 'layers'],
  ])('refuses %s with 400 naming %s', async (query, parameter) => {
    const res = await page(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe(parameter);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('shows a district-scoped user the map of another district’s project without its panel', async () => {
    const tianshan = await signIn(server.url, 'planner_tianshan');
    const res = await page(`projectCode=${OTHER_DISTRICT_PROJECT}`, { cookie: tianshan.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ project: null, projectWithheld: true });
    const own = await page(`projectCode=${PROJECT}`, { cookie: tianshan.cookie });
    expect(own.body.project.project.code).toBe(PROJECT);
  });

  it('answers an unknown project 404 naming projectCode to whoever may read projects', async () => {
    const res = await page(`projectCode=9999-650102-00-00-000000&apikey=${key}`);
    expect(res.status).toBe(404);
    expect(res.body.error.details.parameter).toBe('projectCode');
  });
});

describe('issuing signed links', () => {
  it('issues a link bound to the project, the standard layers and an extent around the site', async () => {
    const res = await issueLink({ projectCode: PROJECT, expiresInMinutes: 10 });
    expect(res.status).toBe(201);
    expect(res.body.signedUrl).toMatch(
      /^\/blueprint\?projectCode=.+&layers=.+&bbox=.+&expires=\d+&signature=[\w-]{43}$/,
    );
    expect(res.body.layers).toContain('regional_assessments');
    const [minLon, minLat, maxLon, maxLat] = res.body.bbox as [number, number, number, number];
    expect(minLon).toBeLessThan(87.60495);
    expect(maxLat).toBeGreaterThan(43.7905);
    expect(maxLon - minLon).toBeLessThan(0.05);
    expect(minLat).toBeLessThan(maxLat);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it.each([
    [{ expiresInMinutes: 0 }, 'expiresInMinutes'],
    [{ expiresInMinutes: 'soon' }, 'expiresInMinutes'],
    [{ bbox: [87.6, 43.8, 87.5, 43.9] }, 'bbox'],
    [{ bbox: '200,43,201,44' }, 'bbox'],
    [{ bbox: '43.77,87.58,43.8,87.63' }, 'bbox'],
    [{ layers: ['no_such_layer'] }, 'layers'],
    [{ layers: [] }, 'layers'],
    [{ projectCode: '' }, 'projectCode'],
    [{ colour: 'blue' }, 'body'],
  ])('refuses %j with 400 naming %s', async (body, parameter) => {
    const res = await issueLink(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter ?? 'body').toBe(parameter);
  });

  it('refuses an unknown project with 404 naming projectCode', async () => {
    const res = await issueLink({ projectCode: '9999-650102-00-00-000000' });
    expect(res.status).toBe(404);
    expect(res.body.error.details.parameter).toBe('projectCode');
  });

  it('refuses anonymous callers (401), API keys (403) and another district’s project (403)', async () => {
    const anonymous = await requestJson(`${server.url}/api/v1/blueprint-links`, { method: 'POST', body: {} });
    expect(anonymous.status).toBe(401);
    const byKey = await requestJson(`${server.url}/api/v1/blueprint-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: {},
    });
    expect(byKey.status).toBe(403);
    const tianshan = await signIn(server.url, 'planner_tianshan');
    const outside = await issueLink({ projectCode: OTHER_DISTRICT_PROJECT }, tianshan);
    expect(outside.status).toBe(403);
    expect(outside.body.error.details.parameter).toBe('projectCode');
  });

  it('refuses a change without the CSRF token', async () => {
    const res = await requestJson(`${server.url}/api/v1/blueprint-links`, {
      method: 'POST',
      headers: { cookie: planner.cookie },
      body: {},
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });
});

describe('verifying signed links', () => {
  let query: Record<string, string>;
  beforeAll(async () => {
    const res = await issueLink({
      projectCode: PROJECT,
      layers: ['imagery_2024', 'land_use_plan', 'districts'],
    });
    expect(res.status).toBe(201);
    query = res.body.query;
  });
  const withQuery = (changes: Record<string, string> = {}) =>
    new URLSearchParams({ ...query, ...changes }).toString();
  const siteTile = () => tileAt(87.6067, 43.7895, 15);

  it('opens the page data with the project and the layers it names', async () => {
    const res = await page(withQuery());
    expect(res.status).toBe(200);
    expect(res.body.layers.map((l: { code: string }) => l.code)).toEqual([
      'imagery_2024',
      'land_use_plan',
      'districts',
    ]);
    expect(res.body.project.project.code).toBe(PROJECT);
  });

  it('draws the tiles of its layers inside its extent, also of a layer that is not public', async () => {
    const { z, x, y } = siteTile();
    for (const path of [`imagery_2024/${z}/${x}/${y}.png`, `land_use_plan/${z}/${x}/${y}.mvt`]) {
      const res = await fetch(`${server.url}/tiles/${path}?${withQuery()}`);
      expect([200, 204]).toContain(res.status);
    }
  });

  it('is told apart from anonymous callers in the audit log', async () => {
    const { z, x, y } = siteTile();
    await fetch(`${server.url}/tiles/imagery_2024/${z}/${x}/${y}.png?${withQuery()}`);
    let rows = 0;
    for (let attempt = 0; attempt < 20 && rows === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const result = await server.pool.query(
        `SELECT 1 FROM audit_log WHERE action = 'read' AND target_id = 'imagery_2024' AND username = 'signed-link'`,
      );
      rows = result.rowCount ?? 0;
    }
    expect(rows).toBeGreaterThan(0);
  });

  it('refuses a tile of a layer it does not name, and one outside its extent', async () => {
    const { z, x, y } = siteTile();
    const other = await requestJson(
      `${server.url}/tiles/regional_assessments/${z}/${x}/${y}.mvt?${withQuery()}`,
    );
    expect(other.status).toBe(403);
    const far = tileAt(87.3, 43.95, 15);
    const outside = await requestJson(
      `${server.url}/tiles/imagery_2024/${far.z}/${far.x}/${far.y}.png?${withQuery()}`,
    );
    expect(outside.status).toBe(403);
    expect(outside.body.error.details.parameter).toBe('bbox');
  });

  it.each([
    ['projectCode', { projectCode: OTHER_DISTRICT_PROJECT }],
    ['layers', { layers: 'imagery_2024,land_use_plan,districts,regional_assessments' }],
    ['bbox', { bbox: '87,43,88,44' }],
    ['expires', { expires: String(Math.floor(Date.now() / 1000) + 999_999) }],
  ])('refuses a link whose %s was changed with 403', async (_name, changes) => {
    const res = await page(withQuery(changes));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('link_tampered');
    expect(res.body.error.message).toMatch(/签名链接/);
  });

  it('refuses a changed signature, and a tile of a changed link, with 403', async () => {
    const flipped = query.signature!.startsWith('A')
      ? `B${query.signature!.slice(1)}`
      : `A${query.signature!.slice(1)}`;
    const res = await page(withQuery({ signature: flipped }));
    expect(res.status).toBe(403);
    expect(res.body.error.details.parameter).toBe('signature');
    const { z, x, y } = siteTile();
    const tile = await fetch(
      `${server.url}/tiles/imagery_2024/${z}/${x}/${y}.png?${withQuery({ signature: flipped })}`,
    );
    expect(tile.status).toBe(403);
  });

  it('refuses an expired link with 403 naming expires', async () => {
    const expired = signLink(await linkSigningSecret(server.pool), {
      projectCode: PROJECT,
      layers: ['imagery_2024'],
      bbox: null,
      expires: Math.floor(Date.now() / 1000) - 60,
    });
    const res = await page(new URLSearchParams(expired).toString());
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'link_expired', details: { parameter: 'expires' } });
  });

  describe('on the map service, with the link packed in one parameter', () => {
    const packed = (changes: Record<string, string> = {}) => {
      const { signature, ...signed } = { ...query, ...changes };
      return `link=${encodeURIComponent(new URLSearchParams(signed).toString())}&signature=${signature}`;
    };
    /** Web Mercator metres of a lon/lat point */
    const mercator = (lon: number, lat: number) => [
      (lon * Math.PI * 6378137) / 180,
      6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
    ];
    const getMap = (layers: string, bbox: number[], extra = '') =>
      fetch(
        `${server.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=${layers}&STYLES=&CRS=EPSG:3857` +
          `&BBOX=${bbox.join(',')}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=true&${extra}`,
      );
    const siteBox = () => [...mercator(87.604, 43.788), ...mercator(87.609, 43.791)];

    it('draws the layers it names inside its extent, also one that is not public', async () => {
      const res = await getMap('ob:land_use_plan,ob:imagery_2024', siteBox(), packed());
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
    });

    it('refuses a layer it does not name, a map outside its extent, a changed link and other requests', async () => {
      const other = await getMap('ob:regional_assessments', siteBox(), packed());
      expect(other.status).toBe(403);
      expect(await other.text()).toContain('locator="LAYERS"');
      const far = await getMap(
        'ob:land_use_plan',
        [...mercator(87.3, 43.9), ...mercator(87.31, 43.91)],
        packed(),
      );
      expect(far.status).toBe(403);
      expect(await far.text()).toContain('locator="BBOX"');
      const changed = await getMap(
        'ob:land_use_plan',
        siteBox(),
        packed({ layers: 'land_use_plan,regional_assessments' }),
      );
      expect(changed.status).toBe(403);
      const info = await fetch(
        `${server.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities&${packed()}`,
      );
      expect(info.status).toBe(403);
    });
  });

  it('is no credential anywhere else', async () => {
    const res = await requestJson(`${server.url}/api/v1/projects/${PROJECT}?${withQuery()}`);
    expect(res.status).toBe(401);
  });
});

describe('framing', () => {
  it('lets the allow-listed sites frame /blueprint, and nothing but the platform frame other pages', async () => {
    const standard = await fetch(`${server.url}/blueprint?projectCode=${PROJECT}`);
    expect(standard.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' ${EMBEDDING_SITE}`,
    );
    for (const path of ['/', '/compliance', '/blueprint/other']) {
      const other = await fetch(`${server.url}${path}`);
      const csp = other.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain(EMBEDDING_SITE);
    }
  });
});

// The compliance workbench in a real headless Chromium against the real server and test database, signed in
// through the login page: a zipped Shapefile made by ogr2ogr in the Gauss-Krüger zone EPSG:4538 is uploaded
// and becomes the site with its ellipsoidal area (as PostGIS measures it); a corner inserted on an edge and
// pulled into the ecological red line turns the live preview 不通过, removing it (删除拐点) clears it again,
// undo brings it back and an Alt-click removes it; the server's check selects a rule and emphasises its
// conflicting parts on the map, and the four downloads (PDF, DOCX, GeoJSON, CSV) arrive through their
// progress bars; the candidate search lists ranked sites, draws them on the map, and the one chosen becomes
// a site the server does not refuse; the cross-plan conflict figures agree with the API, the layer switches
// on, and only a rule administrator recomputes it, watching its progress. Screenshots at 1366×768 and
// 1920×1080.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { signIn, type SignedIn } from '../support/access';
import { launchChromium } from '../support/browser';
import { postCheck, square } from '../support/compliance-checks';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { ogr2ogr, workDir, writeJson } from '../support/import-fixtures';
import { signInThroughLoginPage } from '../support/login-page';
import { writeZip } from '../support/zip-writer';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
const SIDE_M = 120;
const ZOOM = 16;
/** map pixels left of this are under the layer panel */
const FREE_LEFT_PX = 380;

type LonLat = [number, number];

/** Web Mercator (EPSG:3857), the map view's projection. */
function mercator([lon, lat]: LonLat): [number, number] {
  const r = 6_378_137;
  return [(r * lon * Math.PI) / 180, r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

/** the corners (SW, SE, NE, NW) of the square of SIDE_M metres round `centre` */
function corners(centre: LonLat): LonLat[] {
  return square(centre[0], centre[1], SIDE_M).coordinates[0]!.slice(0, 4) as LonLat[];
}

async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}x${height}.png`) });
  }
  if (size) await page.setViewportSize(size);
  await page.waitForTimeout(300);
}

describe('compliance workbench', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let reviewer: SignedIn;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  /** a point inside the ecological red line (where the 矿泉水 project's site overlaps it) */
  let onRedLine: LonLat;
  /** a point nearby whose square the server does not refuse */
  let clear: LonLat;

  async function pixelOf(position: LonLat): Promise<[number, number]> {
    const [x, y] = await page.evaluate(
      (c) => window.__oneBlueprintMap!.getPixelFromCoordinate(c) as [number, number],
      mercator(position),
    );
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    return [box.x + x, box.y + y];
  }

  /** features of the named overlay layer on the map, with their properties */
  function overlay(name: string): Promise<Record<string, unknown>[]> {
    return page.evaluate((layerName) => {
      const layer = window
        .__oneBlueprintMap!.getLayers()
        .getArray()
        .find((l) => l.get('name') === layerName) as unknown as
        | { getSource: () => { getFeatures: () => { getProperties: () => Record<string, unknown> }[] } }
        | undefined;
      return (layer?.getSource().getFeatures() ?? []).map((f) => {
        const properties = { ...f.getProperties() };
        delete properties.geometry;
        return properties;
      });
    }, name);
  }

  const vertices = async () => Number(await page.getAttribute('[data-testid="site-panel"]', 'data-vertices'));
  const siteArea = async () => Number(await page.getAttribute('[data-testid="site-area"]', 'data-area-m2'));

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    reviewer = await signIn(server.url, 'reviewer');
    const { rows } = await pool.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
         SELECT ST_PointOnSurface(ST_Intersection(s.geom, red.geom)) AS p
         FROM projects pr
         JOIN project_site_versions s ON s.id = pr.current_site_version_id,
         LATERAL (SELECT ST_Union(f.geom) AS geom FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
                  WHERE l.code = 'ecological_red_line') red
         WHERE pr.name LIKE '%矿泉水生产线%') x`,
    );
    onRedLine = [rows[0]!.lon, rows[0]!.lat];
    let found: LonLat | null = null;
    for (const distance of [300, 400, 500]) {
      for (const bearing of [270, 225, 315, 180, 0, 90, 135, 45]) {
        const rad = (bearing * Math.PI) / 180;
        const candidate: LonLat = [
          onRedLine[0] + (distance * Math.sin(rad)) / (111_320 * Math.cos((onRedLine[1] * Math.PI) / 180)),
          onRedLine[1] + (distance * Math.cos(rad)) / 110_574,
        ];
        const check = await postCheck(server.url, reviewer, { geometry: square(...candidate, SIDE_M + 60) });
        if (check.status === 201 && check.body.verdict !== '不通过') {
          found = candidate;
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new Error('no place clear of the prohibit rules near the red line');
    clear = found;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughLoginPage(page, server.url, 'reviewer', { next: '/compliance' });
    await page.waitForURL(/\/compliance$/);
    await page.waitForSelector('[data-testid="rule-set-name"]');
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await pool.end();
  });

  it('says in Chinese, with a retry, why an uploaded file cannot be a site (OGR VRT XML named .zip)', async () => {
    await page.setInputFiles('[data-testid="site-file"]', {
      name: '伪装.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('<OGRVRTDataSource><OGRVRTLayer name="x"/></OGRVRTDataSource>'),
    });
    await page.waitForSelector('[data-testid="site-file-retry"]', { timeout: 30_000 });
    const message = (await page.textContent('[data-testid="site-file-message"]'))!;
    expect(message).toContain('文件无法读取');
    expect(message).toContain('不是有效的 zip 压缩包');
    expect(await page.$('[data-testid="site-area"]')).toBeNull();
  }, 60_000);

  it('uploads a zipped Shapefile made in EPSG:4538: the site is on the map with its ellipsoidal area', async () => {
    const dir = workDir('workbench-shp-');
    const site = square(...clear, SIDE_M);
    const source = writeJson(dir, 'site.geojson', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '拟建用地' }, geometry: site }],
    });
    ogr2ogr([
      '-f',
      'ESRI Shapefile',
      path.join(dir, 'site.shp'),
      source,
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4538',
    ]);
    const zip = writeZip(
      readdirSync(dir)
        .filter((f) => f.startsWith('site.') && !f.endsWith('.geojson'))
        .map((f) => ({ name: f, data: readFileSync(path.join(dir, f)) })),
    );
    await page.setInputFiles('[data-testid="site-file"]', {
      name: '拟建用地.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    await page.waitForSelector('[data-testid="site-file-message"] [data-area-m2]', { timeout: 30_000 });
    const message = (await page.textContent('[data-testid="site-file-message"]'))!;
    expect(message).toContain('已读取文件 拟建用地.zip');
    expect(message).toContain('EPSG:4538');
    const { rows } = await pool.query<{ a: number }>(
      'SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography) AS a',
      [JSON.stringify(site)],
    );
    const expected = rows[0]!.a;
    const serverArea = Number(
      await page.getAttribute('[data-testid="site-file-message"] [data-area-m2]', 'data-area-m2'),
    );
    expect(Math.abs(serverArea - expected)).toBeLessThan(1);
    await page.waitForSelector('[data-testid="site-area"]');
    expect(Math.abs((await siteArea()) - expected)).toBeLessThan(1);
    expect(await vertices()).toBe(4);
    await page.waitForSelector('[data-testid="preview-verdict"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="preview-verdict"]', 'data-verdict')).not.toBe('不通过');
  }, 60_000);

  it('inserts a corner pulled into the red line (preview 不通过), removes it, undoes, and Alt-click removes it', async () => {
    // the view round both places, clear of the layer panel
    const [a, b] = [mercator(onRedLine), mercator(clear)];
    await page.evaluate(
      ({ centre, zoom }) => {
        const view = window.__oneBlueprintMap!.getView();
        view.setCenter(centre);
        view.setZoom(zoom);
      },
      { centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], zoom: ZOOM },
    );
    const pixels = await Promise.all([onRedLine, ...corners(clear)].map(pixelOf));
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    const shift = Math.max(0, box.x + FREE_LEFT_PX - Math.min(...pixels.map((p) => p[0])));
    if (shift > 0)
      await page.evaluate((px) => {
        const view = window.__oneBlueprintMap!.getView();
        const [x, y] = view.getCenter()!;
        view.setCenter([x! - px * view.getResolution()!, y!]);
      }, shift);
    await page.waitForTimeout(400);
    const before = await siteArea();

    // the edge whose middle is nearest the red-line point
    const square4 = corners(clear);
    const middles = square4.map((c, i): LonLat => {
      const d = square4[(i + 1) % 4]!;
      return [(c[0] + d[0]) / 2, (c[1] + d[1]) / 2];
    });
    const near = middles.reduce((best, m) =>
      Math.hypot(m[0] - onRedLine[0], m[1] - onRedLine[1]) <
      Math.hypot(best[0] - onRedLine[0], best[1] - onRedLine[1])
        ? m
        : best,
    );
    const [mx, my] = await pixelOf(near);
    const [rx, ry] = await pixelOf(onRedLine);
    await page.mouse.move(mx, my);
    await page.waitForTimeout(150);
    await page.mouse.down();
    await page.mouse.move(rx, ry, { steps: 15 });
    await page.mouse.up();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="site-panel"]')?.getAttribute('data-vertices') === '5',
    );
    expect(await siteArea()).toBeGreaterThan(before);
    await page.waitForSelector('[data-testid="preview-verdict"][data-verdict="不通过"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="preview-rule-ecological-red-line"][data-passed="false"]');
    await screenshots(page, 'compliance-workbench-edit');

    // 删除拐点, then a click on the pulled corner
    await page.click('[data-testid="site-delete-vertex"]');
    expect(await page.getAttribute('[data-testid="site-delete-vertex"]', 'aria-pressed')).toBe('true');
    await page.mouse.move(rx + 3, ry + 3);
    await page.mouse.click(rx, ry);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="site-panel"]')?.getAttribute('data-vertices') === '4',
    );
    await page.waitForSelector('[data-testid="preview-rule-ecological-red-line"][data-passed="true"]', {
      timeout: 30_000,
    });
    expect(await page.getAttribute('[data-testid="preview-verdict"]', 'data-verdict')).not.toBe('不通过');
    expect(Math.abs((await siteArea()) - before)).toBeLessThan(0.5);
    await page.click('[data-testid="site-delete-vertex"]');

    // undo brings the corner back, and the preview with it
    await page.click('[data-testid="site-undo"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="site-panel"]')?.getAttribute('data-vertices') === '5',
    );
    await page.waitForSelector('[data-testid="preview-verdict"][data-verdict="不通过"]', { timeout: 30_000 });

    // Alt-click removes a corner without the button
    await page.mouse.move(rx + 3, ry + 3);
    await page.keyboard.down('Alt');
    await page.mouse.click(rx, ry);
    await page.keyboard.up('Alt');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="site-panel"]')?.getAttribute('data-vertices') === '4',
    );
    await page.waitForSelector('[data-testid="preview-rule-ecological-red-line"][data-passed="true"]');

    // and once more onto the red line, with Ctrl+Z, for the check that follows
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="preview-verdict"][data-verdict="不通过"]', { timeout: 30_000 });
  }, 120_000);

  it("runs the server's check, selects the red-line rule: its conflict is emphasised on the map", async () => {
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="check-verdict"][data-verdict="不通过"]', { timeout: 60_000 });
    const rule = page.locator('[data-testid="check-rule-ecological-red-line"]');
    expect(await rule.getAttribute('data-passed')).toBe('false');
    const text = (await rule.textContent())!;
    expect(text).toMatch(/m²/);
    expect(text).toContain('公顷');
    expect(text).toContain('亩');
    expect((await overlay('compliance-server-conflicts')).some((f) => f.selected === true)).toBe(false);
    await page.click('[data-testid="check-rule-ecological-red-line-show"]');
    await page.waitForSelector('[data-testid="check-rule-ecological-red-line"][data-selected="true"]');
    const conflicts = await overlay('compliance-server-conflicts');
    expect(conflicts.filter((f) => f.selected === true).map((f) => f.ruleId)).toEqual([
      'ecological-red-line',
    ]);
    await page.waitForTimeout(600);
    await screenshots(page, 'compliance-workbench-result');
  }, 90_000);

  it('downloads the PDF, DOCX, GeoJSON and CSV of the check through their progress bars', async () => {
    const expectations: Record<string, (bytes: Buffer) => void> = {
      pdf: (bytes) => expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF'),
      docx: (bytes) => expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'),
      geojson: (bytes) => {
        const json = JSON.parse(bytes.toString('utf8')) as { type: string; features: unknown[] };
        expect(json.type).toBe('FeatureCollection');
        expect(json.features.length).toBeGreaterThan(0);
      },
      csv: (bytes) => expect(bytes.toString('utf8')).toContain('ecological-red-line'),
    };
    for (const format of ['geojson', 'csv', 'pdf', 'docx']) {
      const [download] = await Promise.all([
        // the reports draw their maps with the WMS renderer: on a busy machine this takes a while
        page.waitForEvent('download', { timeout: 200_000 }),
        page.click(`[data-testid="download-${format}"]`),
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      expectations[format]!(bytes);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const state = page.locator(`[data-testid="download-state-${format}"]`);
      await page.waitForSelector(`[data-testid="download-state-${format}"][data-status="done"]`);
      expect(Number(await state.getAttribute('data-bytes'))).toBe(bytes.length);
    }
  }, 480_000);

  it('searches candidate sites: ranked, drawn on the map, and the one chosen becomes a site the server passes', async () => {
    await page.click('[data-testid="compliance-tab-candidates"]');
    await page.waitForSelector('[data-testid="candidate-form"]');
    await page.selectOption('[data-testid="candidate-project-type"]', '房屋建筑工程');
    await page.fill('[data-testid="candidate-area"]', '1.5');
    await page.selectOption('[data-testid="candidate-area-unit"]', 'areaHa');
    await page.waitForSelector('[data-testid="candidate-district"] option[value="650102"]', {
      state: 'attached',
    });
    await page.selectOption('[data-testid="candidate-district"]', '650102');
    await page.fill('[data-testid="candidate-limit"]', '5');
    await page.click('[data-testid="candidate-search"]');
    await page.waitForSelector('[data-testid="candidate-panel"][data-status="done"]', { timeout: 120_000 });
    const count = Number(await page.getAttribute('[data-testid="candidate-summary"]', 'data-count'));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);
    const onMap = await overlay('compliance-candidates');
    expect(onMap.map((f) => f.rank).sort()).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const areas: number[] = [];
    for (let rank = 1; rank <= count; rank++) {
      const item = page.locator(`[data-testid="candidate-${rank}"]`);
      areas.push(Number(await item.getAttribute('data-area-m2')));
      const text = (await item.textContent())!;
      expect(text).toContain('天山区');
      expect(text).toMatch(/m².*公顷.*亩/);
    }
    // a candidate is never smaller than asked
    for (const area of areas) expect(area).toBeGreaterThanOrEqual(15_000 - 1);
    await page.waitForTimeout(800);
    await screenshots(page, 'compliance-workbench-candidates');
    await page.click('[data-testid="candidate-1-locate"]');
    await page.waitForTimeout(500);
    expect(
      (await overlay('compliance-candidates')).filter((f) => f.selected === true).map((f) => f.rank),
    ).toEqual([1]);

    await page.click('[data-testid="candidate-1-choose"]');
    await page.waitForSelector('[data-testid="compliance-tab-check"][aria-selected="true"]');
    // the other candidates leave the map while the chosen one is checked
    expect(await overlay('compliance-candidates')).toEqual([]);
    await page.waitForFunction((expected) => {
      const area = Number(document.querySelector('[data-testid="site-area"]')?.getAttribute('data-area-m2'));
      return Math.abs(area - expected) / expected < 1e-3;
    }, areas[0]!);
    expect(await page.inputValue('[data-testid="site-project-type"]')).toBe('房屋建筑工程');
    await page.waitForSelector('[data-testid="check-stale"]');
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="check-stale"]', { state: 'detached', timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="check-verdict"]', 'data-verdict')).not.toBe('不通过');
  }, 240_000);

  it('shows the cross-plan conflict figures as the API gives them, switches the layer on; no recompute for a reviewer', async () => {
    // the tabs answer the arrow keys
    await page.focus('[data-testid="compliance-tab-check"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="compliance-tab-conflicts"][aria-selected="true"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'compliance-tab-conflicts',
    );
    await page.waitForSelector('[data-testid="conflicts-summary"]', { timeout: 30_000 });
    const api = (await (
      await fetch(`${server.url}/api/v1/compliance/conflicts/summary`, { headers: reviewer.headers() })
    ).json()) as { version: number; total: { count: number }; byPair: { pairId: string; count: number }[] };
    expect(Number(await page.getAttribute('[data-testid="conflicts-summary"]', 'data-count'))).toBe(
      api.total.count,
    );
    expect(api.total.count).toBeGreaterThan(0);
    for (const pair of api.byPair) {
      const row = page.locator(`[data-testid="conflicts-pair-${pair.pairId}"]`);
      expect(Number(await row.getAttribute('data-count'))).toBe(pair.count);
      expect(await row.textContent()).toMatch(/m².*公顷.*亩/);
    }
    const visible = () =>
      page.evaluate(
        () =>
          window
            .__oneBlueprintMap!.getLayers()
            .getArray()
            .find((l) => l.get('layerCode') === 'planning_conflicts')
            ?.getVisible() ?? false,
      );
    expect(await visible()).toBe(false);
    await page.check('[data-testid="conflicts-layer-toggle"]');
    await page.waitForFunction(
      () =>
        window
          .__oneBlueprintMap!.getLayers()
          .getArray()
          .find((l) => l.get('layerCode') === 'planning_conflicts')
          ?.getVisible() === true,
    );
    expect(await page.$('[data-testid="conflicts-recompute"]')).toBeNull();
    await page.evaluate(() => {
      const view = window.__oneBlueprintMap!.getView();
      view.setZoom(12);
    });
    await page.waitForTimeout(1500);
    await screenshots(page, 'compliance-workbench-conflicts');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('lets a rule administrator recompute the conflicts, watching the phase and progress to the new version', async () => {
    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    admin.on('pageerror', (error) => errors.push(error.message));
    try {
      await signInThroughLoginPage(admin, server.url, 'admin', { next: '/compliance' });
      await admin.waitForURL(/\/compliance$/);
      await admin.click('[data-testid="compliance-tab-conflicts"]');
      await admin.waitForSelector('[data-testid="conflicts-summary"]', { timeout: 30_000 });
      const before = Number(await admin.getAttribute('[data-testid="conflicts-summary"]', 'data-version'));
      await admin.click('[data-testid="conflicts-recompute"]');
      await admin.waitForSelector('[data-testid="conflicts-job"]');
      await admin.waitForSelector('[data-testid="conflicts-job"][data-status="succeeded"]', {
        timeout: 180_000,
      });
      const made = Number(await admin.getAttribute('[data-testid="conflicts-job"]', 'data-version'));
      expect(made).toBeGreaterThan(before);
      await admin.waitForSelector(`[data-testid="conflicts-summary"][data-version="${made}"]`);
      expect(await admin.textContent('[data-testid="conflicts-job"]')).toContain(`第 ${made} 版`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, 'compliance-workbench-recompute-1366x768.png') });
      expect(errors).toEqual([]);
    } finally {
      await admin.close();
    }
  }, 240_000);
});

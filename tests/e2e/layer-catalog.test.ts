// The layer catalog pages in a real headless Chromium against the real server and test database, signed
// in through the login page as the demo planner: the catalog, the ecological red line's versions, and on
// a fresh layer of its own (so the shared sample city stays untouched): two GeoJSON uploads, the report,
// the comparison, a rollback, a refused empty file, editing, and creating and deleting a layer through the
// form; then the same pages for a viewer (no manage buttons) and after signing out.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { signIn, type SignedIn } from '../support/access';
import { launchChromium } from '../support/browser';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { signInThroughLoginPage, signOutThroughHeader } from '../support/login-page';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
const IMPORT_TIMEOUT_MS = 90_000;

/** The part of a layer's JSON this test reads. */
interface LayerBody {
  code: string;
  name: string;
  version: number | null;
  attributeSchema: unknown;
  style: unknown;
}

type Ring = [number, number][];

/** A lon/lat rectangle as a closed GeoJSON ring (CGCS2000 degrees). */
function rectangle(west: number, south: number, east: number, north: number): Ring {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** A red-line parcel with the attributes of the ecological red line's schema. */
function redLineFeature(code: string, name: string, ring: Ring, areaM2: number) {
  return {
    type: 'Feature',
    properties: {
      code,
      name,
      function_type: '水源涵养',
      area_m2: areaM2,
      approved_by: '新疆维吾尔自治区人民政府',
      approved_on: '2023-06-30',
    },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

/** Two parcels south-east of the city centre (87.6°E, 43.8°N); `grown` widens the second one. */
function redLineGeoJson(grown: boolean): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      redLineFeature('HX-E2E-001', '端到端测试红线一', rectangle(87.6, 43.8, 87.61, 43.81), 893_000),
      grown
        ? redLineFeature('HX-E2E-002', '端到端测试红线二', rectangle(87.62, 43.8, 87.64, 43.81), 1_786_000)
        : redLineFeature('HX-E2E-002', '端到端测试红线二', rectangle(87.62, 43.8, 87.63, 43.81), 893_000),
    ],
  });
}

interface ImportOutcome {
  /** succeeded / failed (the job), or rejected (the upload itself was refused) */
  status: string;
  version: string | null;
  text: string;
}

describe('layer catalog pages', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
  const suffix = randomBytes(4).toString('hex');
  const layerCode = `e2e_red_line_${suffix}`;
  const formLayerCode = `e2e_form_${suffix}`;
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  /** the planner's own API session, for setting up, checking and cleaning up beside the browser */
  let planner: SignedIn;
  let browser: Browser;
  let page: Page;
  let workDir: string;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  async function api<T>(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}${urlPath}`, {
      method,
      headers: planner.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (e.g. CSV): kept as text
    }
    return { status: response.status, body: parsed as T };
  }

  /** Picks a file (and the optional fields) in the upload panel, submits it and waits for the outcome. */
  async function upload(
    fileName: string,
    contents: string,
    fields: { srs?: string; encoding?: string; note?: string } = {},
  ): Promise<ImportOutcome> {
    const filePath = path.join(workDir, fileName);
    writeFileSync(filePath, contents, 'utf8');
    const shown = await page.$('[data-testid="import-status"]');
    const previousJob = shown ? await shown.getAttribute('data-job') : null;
    await page.setInputFiles('[data-testid="upload-file"]', filePath);
    await page.fill('[data-testid="upload-srs"]', fields.srs ?? '');
    await page.selectOption('[data-testid="upload-encoding"]', { value: fields.encoding ?? '' });
    await page.fill('[data-testid="upload-note"]', fields.note ?? '');
    await page.click('[data-testid="upload-submit"]');
    const outcome = await page.waitForFunction(
      (previous) => {
        const status = document.querySelector('[data-testid="import-status"]');
        const error = document.querySelector('[data-testid="import-error"]');
        const job = status?.getAttribute('data-job') ?? null;
        const state = status?.getAttribute('data-status') ?? null;
        if (status && job && job !== previous && (state === 'succeeded' || state === 'failed')) {
          return {
            status: state,
            version: status.getAttribute('data-version'),
            text: status.textContent ?? '',
          };
        }
        if (!status && error) return { status: 'rejected', version: null, text: error.textContent ?? '' };
        return null;
      },
      previousJob,
      { timeout: IMPORT_TIMEOUT_MS, polling: 100 },
    );
    return (await outcome.jsonValue()) as ImportOutcome;
  }

  const badgeIn = (version: number) =>
    `[data-testid="version-row-${version}"] [data-testid="version-current-badge"]`;

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    workDir = mkdtempSync(path.join(os.tmpdir(), 'one-blueprint-layer-catalog-'));
    planner = await signIn(server.url, 'planner');

    // A fresh control-line layer with the ecological red line's schema and style, for the uploads.
    const template = await api<LayerBody>('GET', '/api/v1/layers/ecological_red_line');
    if (template.status !== 200) throw new Error(`GET ecological_red_line: ${JSON.stringify(template)}`);
    const created = await api<LayerBody>('POST', '/api/v1/layers', {
      code: layerCode,
      name: `端到端测试红线 ${suffix}`,
      kind: 'control_line',
      geometryType: 'MultiPolygon',
      description: '端到端测试创建，测试结束后删除',
      attributeSchema: template.body.attributeSchema,
      style: template.body.style,
      source: '端到端测试',
    });
    if (created.status !== 201) throw new Error(`POST /api/v1/layers: ${JSON.stringify(created)}`);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Rollback and delete ask for confirmation; playwright would dismiss (= cancel) them by default.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
  });

  afterAll(async () => {
    if (page) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layer-catalog.png'), fullPage: true });
    }
    await browser?.close();
    if (server && planner) {
      // Soft-delete what this file created, so the catalog (and the health count) is as it was.
      for (const code of [layerCode, formLayerCode]) {
        await api('DELETE', `/api/v1/layers/${code}`).catch(() => undefined);
      }
      await server.close();
    }
    await pool.end();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('signs in as the planner through the login page and returns to the catalog', async () => {
    await signInThroughLoginPage(page, server.url, 'planner', { next: '/layers' });
    await page.waitForSelector('[data-testid="catalog-table"]');
    expect(new URL(page.url()).pathname).toBe('/layers');
    await expect(page.textContent('[data-testid="user-name"]')).resolves.toBe('规划演示用户');
    await expect(page.textContent('[data-testid="user-department"]')).resolves.toBe('乌鲁木齐市自然资源局');
    await expect(page.textContent('[data-testid="user-scope"]')).resolves.toBe('全市');
    expect(await page.isVisible('[data-testid="new-layer"]')).toBe(true);
  });

  it('lists the layers grouped by kind, each row linking to its page', async () => {
    await page.goto(`${server.url}/layers`);
    await page.waitForSelector('[data-testid="catalog-table"]');
    // signed in with layers.read: the non-public imagery is listed too
    expect(await page.$('[data-testid="catalog-row-imagery_2024"]')).not.toBeNull();
    const landUse = await page.textContent('[data-testid="catalog-row-land_use_plan"]');
    expect(landUse).toContain('控制性详细规划用地');
    expect(landUse).toContain('land_use_plan');
    expect(landUse).toContain('各类规划');
    const redLine = await page.textContent('[data-testid="catalog-row-ecological_red_line"]');
    expect(redLine).toContain('生态保护红线');
    expect(redLine).toContain('控制线');
    expect(await page.getAttribute('[data-testid="catalog-row-land_use_plan"] a', 'href')).toBe(
      '/layers/land_use_plan',
    );
    // the fresh layer is listed with the control lines, without data yet
    const fresh = page.locator(`tbody[data-kind="control_line"] [data-testid="catalog-row-${layerCode}"]`);
    await expect(fresh.textContent()).resolves.toContain('暂无数据');
    await expect(page.getAttribute('[data-testid="nav-layers"]', 'class')).resolves.toContain('active');
  });

  it('filters the catalog by kind', async () => {
    await page.selectOption('[data-testid="catalog-kind-filter"]', 'plan');
    await page.waitForSelector('[data-testid="catalog-row-ecological_red_line"]', { state: 'detached' });
    expect(await page.$('[data-testid="catalog-row-land_use_plan"]')).not.toBeNull();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('plan');
    await page.selectOption('[data-testid="catalog-kind-filter"]', '');
    await page.waitForSelector('[data-testid="catalog-row-ecological_red_line"]');
  });

  it('opens the ecological red line with version 1 current and its report button', async () => {
    await page.click('[data-testid="catalog-row-ecological_red_line"] a');
    await page.waitForSelector('[data-testid="layer-detail"][data-code="ecological_red_line"]');
    expect(new URL(page.url()).pathname).toBe('/layers/ecological_red_line');
    await page.waitForSelector(badgeIn(1));
    expect(await page.isVisible('[data-testid="report-1"]')).toBe(true);
    // the current version offers no rollback to itself
    expect(await page.$('[data-testid="rollback-1"]')).toBeNull();
    // the report opens: the sample city's loader writes one for each vector layer, counting every feature
    await page.click('[data-testid="report-1"]');
    const report = await page.waitForSelector(
      '[data-testid="report-view"][data-version="1"]:not([data-status="loading"])',
    );
    expect(await report.getAttribute('data-status')).toBe('ready');
    const { rows } = await pool.query<{ feature_count: number }>(
      `SELECT v.feature_count FROM layer_versions v JOIN layers l ON l.id = v.layer_id
       WHERE l.code = 'ecological_red_line' AND v.version_no = 1`,
    );
    const loaded = await page.getAttribute(
      '[data-testid="report-counts"] [data-count="loaded"]',
      'data-value',
    );
    expect(Number(loaded)).toBe(rows[0]!.feature_count);
    expect(rows[0]!.feature_count).toBeGreaterThan(0);
    await expect(page.textContent('[data-testid="report-crs"]')).resolves.toContain('EPSG:4490');
  });

  it('imports a GeoJSON file into the fresh layer as its first version', async () => {
    await page.goto(`${server.url}/layers/${layerCode}`);
    await page.waitForSelector(`[data-testid="layer-detail"][data-code="${layerCode}"]`);
    await expect(page.textContent('[data-testid="layer-current-version"]')).resolves.toContain('暂无数据');

    const outcome = await upload('red-line-v1.geojson', redLineGeoJson(false), { note: '第一次导入' });
    expect(outcome).toMatchObject({ status: 'succeeded', version: '1' });
    await expect(
      page.getAttribute('[data-testid="import-counts"] [data-count="loaded"]', 'data-value'),
    ).resolves.toBe('2');
    await page.waitForSelector(badgeIn(1));
    const row = await page.textContent('[data-testid="version-row-1"]');
    expect(row).toContain('red-line-v1.geojson');
    expect(row).toContain('第一次导入');
  }, 120_000);

  it('imports a second version with a given CRS and encoding, and shows its report', async () => {
    const outcome = await upload('red-line-v2.geojson', redLineGeoJson(true), {
      srs: 'EPSG:4490',
      encoding: 'UTF-8',
      note: '第二次导入：红线二扩大',
    });
    expect(outcome).toMatchObject({ status: 'succeeded', version: '2' });
    await page.waitForSelector(badgeIn(2));
    expect(await page.$(badgeIn(1))).toBeNull();
    expect(await page.isVisible('[data-testid="rollback-1"]')).toBe(true);

    await page.click('[data-testid="import-open-report"]');
    await page.waitForSelector('[data-testid="report-view"][data-version="2"][data-status="ready"]');
    await expect(
      page.getAttribute('[data-testid="report-counts"] [data-count="read"]', 'data-value'),
    ).resolves.toBe('2');
    await expect(
      page.getAttribute('[data-testid="report-counts"] [data-count="loaded"]', 'data-value'),
    ).resolves.toBe('2');
    const crs = await page.textContent('[data-testid="report-crs"]');
    expect(crs).toContain('EPSG:4490');
    expect(crs).toContain('上传时指定');

    const csvHref = await page.getAttribute('[data-testid="report-download-csv"]', 'href');
    expect(csvHref).toBe(`/api/v1/layers/${layerCode}/versions/2/report?format=csv`);
    expect(await page.getAttribute('[data-testid="report-download-json"]', 'href')).toBe(
      `/api/v1/layers/${layerCode}/versions/2/report`,
    );
    const csv = await fetch(`${server.url}${csvHref}`, { headers: planner.headers() });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  }, 120_000);

  it('compares version 1 with version 2, areas in m², 公顷 and 亩', async () => {
    await expect(page.inputValue('[data-testid="diff-from"]')).resolves.toBe('1');
    await expect(page.inputValue('[data-testid="diff-to"]')).resolves.toBe('2');
    await page.waitForSelector('[data-testid="diff-result"][data-from="1"][data-to="2"]');
    // each row's area in m², 公顷 and 亩 is the server's figure, converted (1 公顷 = 10,000 m²,
    // 1 亩 = 10,000/15 m²) and rounded to the digits shown
    const diff = await api<Record<string, { areaM2: number }>>(
      'GET',
      `/api/v1/layers/${layerCode}/diff?from=1&to=2`,
    );
    expect(diff.status).toBe(200);
    let shownM2 = 0;
    for (const change of ['added', 'removed', 'changed']) {
      const cells = await page.$$eval(`[data-testid="diff-result"] tr[data-change="${change}"] td`, (tds) =>
        tds.map((td) => td.textContent ?? ''),
      );
      const [m2Text, hectareText, muText] = cells.slice(1);
      expect(m2Text).toMatch(/ m²$/);
      expect(hectareText).toMatch(/ 公顷$/);
      expect(muText).toMatch(/ 亩$/);
      const number = (text: string | undefined) => Number((text ?? '').replace(/[^\d.]/g, ''));
      const [m2, hectares, mu] = [number(m2Text), number(hectareText), number(muText)];
      const serverM2 = diff.body[change]!.areaM2;
      expect(Math.abs(m2 - serverM2)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(hectares - serverM2 / 10_000)).toBeLessThanOrEqual(0.00005);
      expect(Math.abs(mu - serverM2 / (10_000 / 15))).toBeLessThanOrEqual(0.005);
      // and with each other
      expect(Math.abs(hectares * 15 - mu)).toBeLessThan(0.01);
      shownM2 += m2;
    }
    // the second red line grew by about a square kilometre: the figures are not all zero
    expect(shownM2).toBeGreaterThan(500_000);
    const count = async (change: string) =>
      Number(
        (
          (await page.textContent(`[data-testid="diff-result"] tr[data-change="${change}"] td`)) ?? ''
        ).replace(/[^\d]/g, ''),
      );
    const [added, removed, changed, unchanged] = [
      await count('added'),
      await count('removed'),
      await count('changed'),
      await count('unchanged'),
    ];
    // Each version has two features, however the server pairs them up; one of them grew.
    expect(added + changed + unchanged).toBe(2);
    expect(removed + changed + unchanged).toBe(2);
    expect(unchanged).toBeLessThan(2);
  });

  it('rolls back to version 1 after confirmation and moves the 当前 badge', async () => {
    dialogs.length = 0;
    await page.click('[data-testid="rollback-1"]');
    await page.waitForSelector(badgeIn(1));
    expect(await page.$(badgeIn(2))).toBeNull();
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain('第 1 版');
    // the layer's facts are loaded again beside the versions: they follow once they have arrived
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="layer-current-version"]')?.textContent?.includes('第 1 版'),
    );
    const { body } = await api<LayerBody>('GET', `/api/v1/layers/${layerCode}`);
    expect(body.version).toBe(1);
  });

  it('shows the error and its code clearly when the file is empty, and makes no version', async () => {
    const outcome = await upload('empty.geojson', '');
    expect(['failed', 'rejected']).toContain(outcome.status);
    const error = await page.waitForSelector('[data-testid="import-error"]');
    expect(((await error.textContent()) ?? '').trim().length).toBeGreaterThan(0);
    expect(await error.$('[data-error-code]')).not.toBeNull();
    expect(await page.$('[data-testid="version-row-3"]')).toBeNull();
    expect(await page.$(badgeIn(1))).not.toBeNull();
  }, 120_000);

  it('saves an edited name', async () => {
    const name = `端到端测试红线（已改名）${suffix}`;
    await page.fill('[data-testid="layer-name-input"]', name);
    await page.click('[data-testid="layer-meta-save"]');
    await page.waitForSelector('[data-testid="layer-meta-saved"]');
    // the page reloads the layer after saving: the title follows once it has arrived
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="layer-detail"] h2')?.textContent?.includes(expected),
      name,
    );
    const { body } = await api<LayerBody>('GET', `/api/v1/layers/${layerCode}`);
    expect(body.name).toBe(name);
  });

  it('shows the server error for a bad code in the new-layer form, then creates and deletes a layer', async () => {
    await page.click('[data-testid="nav-layers"]');
    await page.click('[data-testid="new-layer"]');
    await page.waitForSelector('[data-testid="create-layer-form"]');
    expect(new URL(page.url()).pathname).toBe('/new-layer');
    await page.fill('[data-testid="create-layer-code"]', 'Bad Code!');
    await page.fill('[data-testid="create-layer-name"]', '错误编码');
    await page.click('[data-testid="create-layer-submit"]');
    const error = await page.waitForSelector('[data-testid="create-layer-error"]');
    expect(((await error.textContent()) ?? '').trim().length).toBeGreaterThan(0);
    expect(await error.$('[data-error-code]')).not.toBeNull();

    await page.fill('[data-testid="create-layer-code"]', formLayerCode);
    await page.fill('[data-testid="create-layer-name"]', `端到端测试表单图层 ${suffix}`);
    await page.selectOption('[data-testid="create-layer-kind"]', 'reference');
    await page.selectOption('[data-testid="create-layer-geometry"]', 'Point');
    await page.click('[data-testid="create-layer-submit"]');
    await page.waitForSelector(`[data-testid="layer-detail"][data-code="${formLayerCode}"]`);
    await expect(page.textContent('[data-testid="layer-facts"]')).resolves.toContain('参考图层');

    dialogs.length = 0;
    await page.click('[data-testid="delete-layer"]');
    await page.waitForSelector('[data-testid="catalog-table"]');
    expect(new URL(page.url()).pathname).toBe('/layers');
    expect(dialogs).toHaveLength(1);
    expect(await page.$(`[data-testid="catalog-row-${formLayerCode}"]`)).toBeNull();
    expect((await api('GET', `/api/v1/layers/${formLayerCode}`)).status).toBe(404);
  });

  it('stays on the catalog when the map settles just after the link to it was followed', async () => {
    await page.click('[data-testid="nav-map"]');
    await page.waitForSelector('[data-testid="layer-panel"]');
    await page.waitForFunction(() => window.__oneBlueprintMap !== undefined);
    // the map's last move ends in the same task as the click, before React has taken the map page down
    await page.evaluate(() => {
      (document.querySelector('[data-testid="nav-layers"]') as HTMLElement).click();
      window.__oneBlueprintMap?.dispatchEvent('moveend');
    });
    await page.waitForSelector('[data-testid="catalog-table"]');
    expect(new URL(page.url()).pathname).toBe('/layers');
    expect(new URL(page.url()).search).toBe('');
  });

  it('navigates between the map and the layer catalog from the header', async () => {
    await page.click('[data-testid="nav-map"]');
    await page.waitForSelector('[data-testid="layer-panel"]');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.click('[data-testid="nav-layers"]');
    await page.waitForSelector('[data-testid="catalog-table"]');
    expect(new URL(page.url()).pathname).toBe('/layers');
    expect(pageErrors).toEqual([]);
  });

  it('shows a viewer the catalog and the versions but no upload, edit, rollback, delete or new-layer button', async () => {
    await signOutThroughHeader(page);
    await signInThroughLoginPage(page, server.url, 'viewer', { next: '/layers' });
    await page.waitForSelector(`[data-testid="catalog-row-${layerCode}"]`);
    await expect(page.textContent('[data-testid="user-name"]')).resolves.toBe('查看演示用户');
    expect(await page.$('[data-testid="new-layer"]')).toBeNull();

    await page.click(`[data-testid="catalog-row-${layerCode}"] a`);
    await page.waitForSelector(`[data-testid="layer-detail"][data-code="${layerCode}"]`);
    // both versions and their reports are shown, version 1 current after the rollback
    await page.waitForSelector(badgeIn(1));
    expect(await page.isVisible('[data-testid="version-row-2"]')).toBe(true);
    expect(await page.isVisible('[data-testid="report-2"]')).toBe(true);
    for (const manage of ['upload-file', 'upload-submit', 'layer-meta-form', 'delete-layer', 'rollback-2']) {
      expect(await page.$(`[data-testid="${manage}"]`)).toBeNull();
    }
  });

  it('opens the new-layer page of a viewer with a refusal instead of the form', async () => {
    await page.goto(`${server.url}/new-layer`);
    await page.waitForSelector('[data-testid="forbidden"]');
    expect(await page.$('[data-testid="create-layer-form"]')).toBeNull();
    await expect(page.textContent('[data-testid="forbidden"]')).resolves.toContain('layers.manage');
  });

  it('signs out to anonymous: a 登录 link, public layers only, and a non-public layer leads to the login page', async () => {
    await page.goto(`${server.url}/layers`);
    await signOutThroughHeader(page);
    expect(await page.$('[data-testid="user-menu"]')).toBeNull();
    await page.click('[data-testid="nav-layers"]');
    await page.waitForSelector('[data-testid="catalog-row-land_use_plan"]');
    expect(await page.$('[data-testid="catalog-row-imagery_2024"]')).toBeNull();
    expect(await page.$(`[data-testid="catalog-row-${layerCode}"]`)).toBeNull();
    // the session cookie is gone: the server answers as to anyone
    const cookies = await page.context().cookies(server.url);
    expect(cookies.find((cookie) => cookie.name === 'ob_session')).toBeUndefined();

    await page.goto(`${server.url}/layers/${layerCode}`);
    await page.waitForSelector('[data-testid="login-form"]');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe(`/layers/${layerCode}`);
    expect(await page.isVisible('[data-testid="login-required"]')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

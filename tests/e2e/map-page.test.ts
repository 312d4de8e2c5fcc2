// The one-blueprint map page in a real headless Chromium against the real server and test database.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { launchChromium } from '../support/browser';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { testAppConfig } from '../support/app-config';
import { listenOnFreePort } from '../support/http';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');

/** Share of the map's pixels that some layer canvas has painted. */
function paintedShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')];
    let painted = 0;
    let total = 0;
    for (const canvas of canvases) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      total = Math.max(total, canvas.width * canvas.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    }
    return total === 0 ? 0 : painted / total;
  });
}

describe('map page', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 30_000 });
  });
  afterAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page?.screenshot({ path: path.join(SCREENSHOTS, 'map-page.png') });
    await browser?.close();
    await server?.close();
    await pool.end();
  });

  it('shows the title, a healthy service and the layer panel in Chinese', async () => {
    await expect(page.title()).resolves.toContain('一张蓝图');
    await page.waitForSelector('[data-testid="health-status"][data-status="ok"]');
    const panel = await page.textContent('[data-testid="layer-panel"]');
    for (const name of [
      '控制性详细规划用地',
      '生态保护红线',
      '永久基本农田',
      '城镇开发边界',
      '区县行政区划',
      '控制线',
    ]) {
      expect(panel).toContain(name);
    }
    expect(pageErrors).toEqual([]);
  });

  it('draws the city from vector tiles', async () => {
    expect(await paintedShare(page)).toBeGreaterThan(0.2);
  });

  it('hides a layer when its box is unticked and shows it again', async () => {
    const visible = () =>
      page.evaluate(
        () =>
          window.__oneBlueprintMap
            ?.getAllLayers()
            .find((layer) => layer.get('layerCode') === 'land_use_plan')
            ?.getVisible() ?? null,
      );
    expect(await visible()).toBe(true);
    await page.uncheck('[data-testid="layer-toggle-land_use_plan"]');
    expect(await visible()).toBe(false);
    await page.check('[data-testid="layer-toggle-land_use_plan"]');
    expect(await visible()).toBe(true);
  });

  it('lists the attributes of a clicked parcel with Chinese labels', async () => {
    const { rows } = await pool.query<{ x: number; y: number; code: string }>(
      `SELECT ST_X(p) AS x, ST_Y(p) AS y, code FROM (
         SELECT ST_Transform(ST_PointOnSurface(f.geom), 3857) AS p, f.properties->>'parcel_code' AS code
         FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
         WHERE l.code = 'land_use_plan' AND f.properties->>'land_use_code' = '0701'
         ORDER BY ST_Area(f.geom) DESC LIMIT 1) parcel`,
    );
    const parcel = rows[0]!;
    await page.evaluate(
      ([x, y]) => {
        const view = window.__oneBlueprintMap!.getView();
        view.setCenter([x!, y!]);
        view.setZoom(16);
      },
      [parcel.x, parcel.y],
    );
    await page.waitForTimeout(1500);
    const box = (await (await page.$('[data-testid="map"]'))!.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = await page.waitForSelector('[data-testid="feature-info"]', { timeout: 10_000 });
    const text = await card.textContent();
    expect(text).toContain('控制性详细规划用地');
    expect(text).toContain(parcel.code);
    expect(text).toContain('城镇住宅用地');
    expect(text).toContain('m²');
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid="language-toggle"]');
    await expect(page.textContent('header')).resolves.toContain('One Blueprint');
    await page.click('[data-testid="language-toggle"]');
    await expect(page.textContent('header')).resolves.toContain('一张蓝图');
  });
});

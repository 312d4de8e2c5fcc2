// The one-blueprint map page in a real headless Chromium against the real server and test database: viewed
// anonymously (public layers only), then signed in through the login page as the demo planner (the
// non-public layers join the panel), then signed out again.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { launchChromium } from '../support/browser';
import { demoPassword } from '../support/access';
import { submitLogin, signOutThroughHeader } from '../support/login-page';
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

  it('shows an anonymous visitor the public layers only, with a 登录 link and no user', async () => {
    await page.waitForSelector('[data-testid="sign-in-link"]');
    expect(await page.$('[data-testid="user-menu"]')).toBeNull();
    expect(await page.$('[data-testid="layer-toggle-land_use_plan"]')).not.toBeNull();
    expect(await page.$('[data-testid="layer-toggle-districts"]')).not.toBeNull();
    for (const protectedLayer of ['imagery_2024', 'regional_assessments']) {
      expect(await page.$(`[data-testid="layer-toggle-${protectedLayer}"]`)).toBeNull();
    }
  });

  it('draws the city from vector tiles', async () => {
    expect(await paintedShare(page)).toBeGreaterThan(0.2);
  });

  it('hides a layer when its box is unticked and shows it again, at once even while the map is busy', async () => {
    const visible = () =>
      page.evaluate(
        () =>
          window.__oneBlueprintMap
            ?.getAllLayers()
            .find((layer) => layer.get('layerCode') === 'land_use_plan')
            ?.getVisible() ?? null,
      );
    expect(await visible()).toBe(true);
    // A slow machine with the map loading tiles: the box must still take the click (a state applied in a
    // transition was held back and the box snapped back, so the click "did not change its state").
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 40 });
    try {
      await page.evaluate(() => window.__oneBlueprintMap!.getView().setZoom(9));
      await page.uncheck('[data-testid="layer-toggle-land_use_plan"]');
      expect(await visible()).toBe(false);
      await page.check('[data-testid="layer-toggle-land_use_plan"]');
      expect(await visible()).toBe(true);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
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

  it('signs in as the planner from the header and returns to the map, which then lists the non-public layers', async () => {
    await page.click('[data-testid="sign-in-link"]');
    await page.waitForSelector('[data-testid="login-form"]');
    expect(new URL(page.url()).pathname).toBe('/login');
    await submitLogin(page, 'planner', demoPassword());
    await page.waitForSelector('[data-testid="user-menu"][data-username="planner"]');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.textContent('[data-testid="user-name"]')).resolves.toBe('规划演示用户');
    await expect(page.textContent('[data-testid="user-scope"]')).resolves.toBe('全市');
    await page.waitForSelector('[data-testid="layer-toggle-imagery_2024"]');
    expect(await page.$('[data-testid="layer-toggle-regional_assessments"]')).not.toBeNull();
  });

  it('signs out back to the anonymous map', async () => {
    await signOutThroughHeader(page);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.waitForSelector('[data-testid="layer-toggle-imagery_2024"]', { state: 'detached' });
    expect(await page.$('[data-testid="layer-toggle-land_use_plan"]')).not.toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

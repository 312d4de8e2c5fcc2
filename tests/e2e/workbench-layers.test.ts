// The workbench's layers in a real headless Chromium against the real server and test database, signed in
// through the login page as the demo planner. A layer of the test's own gets two versions through the
// API (the first west of a point, the second east of it; the first dated back to 2024 as if published
// then), and the map's canvases are read to see what is drawn: toggling and fading, reordering by drag,
// the as-of date drawing the first version, identify on both, the swipe of the two versions with its
// divider moved by keyboard, and a copied URL reopening the same view.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { signIn, type SignedIn } from '../support/access';
import { launchChromium } from '../support/browser';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { signInThroughLoginPage } from '../support/login-page';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
const IMPORT_TIMEOUT_MS = 90_000;
/** The test's place: north of the city centre. */
const CENTRE: [number, number] = [87.62, 43.86];
const ZOOM = 13;
/** The first version was published then (Beijing time), the second today. */
const FIRST_PUBLISHED = '2024-01-15T10:00:00+08:00';
const DAY_OF_FIRST = '2024-06-01';

type Ring = [number, number][];

function rectangle(west: number, south: number, east: number, north: number): Ring {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** One parcel west (version 1) or east (version 2) of the centre, 0.003° clear of it. */
function versionGeoJson(version: 1 | 2): string {
  const [lon, lat] = CENTRE;
  const ring =
    version === 1
      ? rectangle(lon - 0.1, lat - 0.03, lon - 0.003, lat + 0.03)
      : rectangle(lon + 0.003, lat - 0.03, lon + 0.1, lat + 0.03);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: version === 1 ? '版本一地块' : '版本二地块', grade: version },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ],
  });
}

const RED_STYLE = {
  name: '测试面',
  rules: [
    {
      name: '地块',
      symbolizers: [{ kind: 'Fill', color: '#d7191c', fillOpacity: 1, outlineColor: '#000000' }],
    },
  ],
};

/** The map's canvases at a point: the largest alpha any of them (or those of `className`) has there. */
function alphaAt(page: Page, offsetX: number, className = 'ol-layer'): Promise<number> {
  return page.evaluate(
    ([dx, cls]) => {
      const map = window.__oneBlueprintMap!;
      const [width, height] = map.getSize() as [number, number];
      let alpha = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(
        `[data-testid="map"] .${cls} canvas`,
      )) {
        const scale = canvas.width / width;
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0) continue;
        const x = Math.round((width / 2 + dx) * scale);
        const y = Math.round((height / 2) * scale);
        alpha = Math.max(alpha, context.getImageData(x, y, 1, 1).data[3] ?? 0);
      }
      return alpha;
    },
    [offsetX, className] as const,
  );
}

/** Waits until the map's layer of `code` satisfies `check` (React applies a change after the event). */
function layerReady(
  page: Page,
  code: string,
  check: { visible?: boolean; opacity?: number; drawnByWms?: boolean },
): Promise<unknown> {
  return page.waitForFunction(
    ([c, want]) => {
      const layer = window
        .__oneBlueprintMap!.getLayers()
        .getArray()
        .find((l) => l.get('layerCode') === c && !l.getClassName().startsWith('ob-swipe'));
      if (!layer) return false;
      if (want.visible !== undefined && layer.getVisible() !== want.visible) return false;
      if (want.opacity !== undefined && Math.abs(layer.getOpacity() - want.opacity) > 1e-6) return false;
      if (want.drawnByWms !== undefined && (layer.get('drawnByWms') === true) !== want.drawnByWms)
        return false;
      return true;
    },
    [code, check] as const,
  );
}

/** Waits until the map has drawn everything it asked for. */
function rendered(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__oneBlueprintMap!;
        map.once('rendercomplete', () => resolve());
        map.render();
      }),
  );
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/**
 * Ticks or clears a layer's box and waits for it to show so. The box shows the URL's state, which the
 * click changes through a navigation: until that lands the box may still show the old state, which
 * Playwright's check() would take for a click that did nothing.
 */
async function setChecked(page: Page, selector: string, checked: boolean): Promise<void> {
  if ((await page.isChecked(selector)) !== checked) await page.click(selector);
  await page.waitForFunction(
    ([sel, want]) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === want,
    [selector, checked] as const,
  );
}

describe('workbench layers', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const code = `e2e_wb_${randomBytes(4).toString('hex')}`;
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let planner: SignedIn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** requests the page made that failed: none should */
  const failedRequests: string[] = [];

  async function importVersion(version: 1 | 2): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([versionGeoJson(version)]), `v${version}.geojson`);
    const started = await fetch(`${server.url}/api/v1/layers/${code}/imports`, {
      method: 'POST',
      headers: planner.headers(),
      body: form,
    });
    if (started.status !== 202) throw new Error(`import: ${started.status} ${await started.text()}`);
    const { job } = (await started.json()) as { job: { id: string } };
    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    for (;;) {
      const read = await fetch(`${server.url}/api/v1/imports/${job.id}`, { headers: planner.headers() });
      const body = (await read.json()) as { job: { status: string; error: unknown } };
      if (body.job.status === 'succeeded') return;
      if (body.job.status === 'failed' || Date.now() > deadline)
        throw new Error(`import v${version}: ${JSON.stringify(body.job)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Dates the first version back, as if published in January 2024 (publications are append-only). */
  async function backdateFirstVersion(): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      const params = [code, FIRST_PUBLISHED];
      await client.query(
        `UPDATE layer_versions v SET published_at = $2, created_at = $2 FROM layers l
         WHERE l.id = v.layer_id AND l.code = $1 AND v.version_no = 1`,
        params,
      );
      await client.query(
        `UPDATE layer_publications p SET published_at = $2 FROM layers l, layer_versions v
         WHERE l.id = p.layer_id AND v.id = p.layer_version_id AND l.code = $1 AND v.version_no = 1`,
        params,
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  async function openWorkbench(query: string): Promise<void> {
    await page.goto(`${server.url}/?${query}`);
    await page.waitForSelector(`[data-testid="layer-toggle-${code}"]`, { timeout: 30_000 });
    await rendered(page);
  }

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    planner = await signIn(server.url, 'planner');
    const created = await fetch(`${server.url}/api/v1/layers`, {
      method: 'POST',
      headers: planner.headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        code,
        name: `工作台测试图层 ${code.slice(-8)}`,
        kind: 'control_line',
        geometryType: 'MultiPolygon',
        attributeSchema: [
          { name: 'name', label: '名称', type: 'string' },
          { name: 'grade', label: '版本号', type: 'integer' },
        ],
        style: RED_STYLE,
        source: '端到端测试',
      }),
    });
    if (created.status !== 201) throw new Error(`POST /api/v1/layers: ${await created.text()}`);
    await importVersion(1);
    await importVersion(2);
    await backdateFirstVersion();

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      // (the session asked before signing in answers 401 by design)
      if (response.status() >= 400 && !response.url().endsWith('/api/v1/session'))
        failedRequests.push(`${response.status()} ${response.url()}`);
    });
    await signInThroughLoginPage(page, server.url, 'planner');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (server && planner) {
      await fetch(`${server.url}/api/v1/layers/${code}`, { method: 'DELETE', headers: planner.headers() });
      await server.close();
    }
    await pool.end();
  });

  const centreQuery = `x=${CENTRE[0]}&y=${CENTRE[1]}&z=${ZOOM}`;

  it('draws a layer when ticked, fades it with the slider, and goes back a step with the browser', async () => {
    await openWorkbench(`${centreQuery}&layers=`);
    expect(await alphaAt(page, 100)).toBe(0);

    await setChecked(page, `[data-testid="layer-toggle-${code}"]`, true);
    await layerReady(page, code, { visible: true });
    await rendered(page);
    const opaque = await alphaAt(page, 100);
    expect(opaque).toBeGreaterThan(200);
    expect(await alphaAt(page, -100)).toBe(0); // the first version is not the current one
    expect(param(page, 'layers')).toBe(code);

    await page.fill(`[data-testid="layer-opacity-${code}"]`, '30');
    await layerReady(page, code, { opacity: 0.3 });
    await rendered(page);
    const faded = await alphaAt(page, 100);
    expect(faded).toBeGreaterThan(0);
    expect(faded).toBeLessThan(opaque * 0.5);
    expect(param(page, 'opacity')).toBe(`${code}:30`);

    await setChecked(page, `[data-testid="layer-toggle-${code}"]`, false);
    await layerReady(page, code, { visible: false });
    await rendered(page);
    expect(await alphaAt(page, 100)).toBe(0);

    // Back undoes the untick (opacity slides replaced their entries): the layer shows again.
    await page.goBack();
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('layers') === c, code);
    await expect(page.isChecked(`[data-testid="layer-toggle-${code}"]`)).resolves.toBe(true);
    await layerReady(page, code, { visible: true });
    await rendered(page);
    expect(await alphaAt(page, 100)).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('reorders a layer within its group by dragging its row onto another', async () => {
    await openWorkbench(`${centreQuery}&layers=${code},ecological_red_line`);
    const rows = () =>
      page.$$eval('[data-kind="control_line"] li[data-code]', (items) =>
        items.map((item) => item.getAttribute('data-code')),
      );
    const before = await rows();
    const from = before.indexOf(code);
    // Onto the row above, or below when the layer is the group's first.
    const to = from > 0 ? from - 1 : from + 1;
    const target = before[to]!;
    await page.dragAndDrop(`[data-testid="layer-row-${code}"]`, `[data-testid="layer-row-${target}"]`);
    await page.waitForFunction(
      ([c, index]) => {
        const items = document.querySelectorAll('[data-kind="control_line"] li[data-code]');
        return items.item(index)?.getAttribute('data-code') === c;
      },
      [code, to] as const,
    );
    expect((await rows()).indexOf(target)).toBe(from);
    const zIndex = (layerCode: string) =>
      page.evaluate(
        (c) =>
          window
            .__oneBlueprintMap!.getLayers()
            .getArray()
            .find((layer) => layer.get('layerCode') === c)
            ?.getZIndex() ?? null,
        layerCode,
      );
    const order = param(page, 'order')!.split(',');
    if (to < from) {
      expect(await zIndex(code)).toBeGreaterThan((await zIndex(target))!);
      expect(order.indexOf(code)).toBeLessThan(order.indexOf(target));
    } else {
      expect(await zIndex(code)).toBeLessThan((await zIndex(target))!);
      expect(order.indexOf(code)).toBeGreaterThan(order.indexOf(target));
    }
  });

  it('draws the version current at an as-of date, names it, and identifies its features', async () => {
    await openWorkbench(`${centreQuery}&layers=${code}`);
    await page.click(`[data-testid="layer-details-${code}"]`);
    await page.waitForSelector(`[data-testid="layer-legend-${code}"]`);
    await page.fill(`[data-testid="layer-asof-${code}"]`, DAY_OF_FIRST);
    await expect(
      page.waitForSelector(`[data-testid="layer-asof-version-${code}"]:has-text("第 1 版")`),
    ).resolves.toBeTruthy();
    expect(param(page, 'asof')).toBe(`${code}:${DAY_OF_FIRST}`);
    await layerReady(page, code, { drawnByWms: true });
    await rendered(page);
    expect(failedRequests).toEqual([]);
    expect(await alphaAt(page, -100)).toBeGreaterThan(200);
    expect(await alphaAt(page, 100)).toBe(0);

    // Identify asks the WMS for the date's version: the first version's parcel, with Chinese labels.
    const box = (await (await page.$('[data-testid="map"]'))!.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 - 100, box.y + box.height / 2);
    const card = await page.waitForSelector('[data-testid="feature-info"] [data-attribute="name"]');
    await expect(card.textContent()).resolves.toContain('版本一地块');
    await expect(page.textContent('[data-testid="feature-info"]')).resolves.toContain(`截至 ${DAY_OF_FIRST}`);
    await page.mouse.click(box.x + box.width / 2 + 100, box.y + box.height / 2);
    await page.waitForSelector('[data-testid="feature-info"]:has-text("点击位置没有可见图层的要素")');

    // Back to the current version, whose parcel lies east and answers from the vector tiles.
    await page.click(`[data-testid="layer-asof-clear-${code}"]`);
    await layerReady(page, code, { drawnByWms: false, visible: true });
    await rendered(page);
    expect(await alphaAt(page, 100)).toBeGreaterThan(200);
    await page.mouse.click(box.x + box.width / 2 + 100, box.y + box.height / 2);
    await page.waitForSelector('[data-testid="feature-info"]:has-text("版本二地块")');
  });

  it('says so, with a retry, when the map service fails to draw an as-of layer', async () => {
    await openWorkbench(`${centreQuery}&layers=${code}`);
    await page.route('**/wms?**REQUEST=GetMap**', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' }),
    );
    await page.click(`[data-testid="layer-details-${code}"]`);
    await page.fill(`[data-testid="layer-asof-${code}"]`, DAY_OF_FIRST);
    const banner = await page.waitForSelector('[data-testid="asof-draw-failed"]');
    await expect(banner.textContent()).resolves.toContain('未能绘制');
    await page.unroute('**/wms?**REQUEST=GetMap**');
    await page.click('[data-testid="asof-draw-failed"] button');
    await page.waitForSelector('[data-testid="asof-draw-failed"]', { state: 'detached' });
    await rendered(page);
    expect(await alphaAt(page, -100)).toBeGreaterThan(200);
    failedRequests.length = 0; // the 503s above were made on purpose
  });

  it('swipes the two versions of the layer, each clipped to its side of a keyboard-movable divider', async () => {
    await openWorkbench(`${centreQuery}&layers=${code}`);
    await page.selectOption('[data-testid="swipe-left-layer"]', code);
    await page.fill('[data-testid="swipe-left-date"]', DAY_OF_FIRST);
    await page.selectOption('[data-testid="swipe-right-layer"]', code);
    await page.click('[data-testid="swipe-toggle"]');
    await page.waitForSelector('[data-testid="swipe-divider"]');
    expect(param(page, 'swipe')).toBe(`${code}@${DAY_OF_FIRST},${code},50`);
    await rendered(page);
    // Divider in the middle: the 2024 version west of it, the current one east.
    expect(await alphaAt(page, -100, 'ob-swipe-left')).toBeGreaterThan(200);
    expect(await alphaAt(page, 100, 'ob-swipe-left')).toBe(0);
    expect(await alphaAt(page, 100, 'ob-swipe-right')).toBeGreaterThan(200);
    expect(await alphaAt(page, -100, 'ob-swipe-right')).toBe(0);
    // The regular layer gives way to the swipe.
    expect(await alphaAt(page, 100)).toBe(0);

    // Ten steps left (2 % each): the old parcel is cut at the divider, east of it the current version
    // has nothing until its own parcel.
    await page.focus('[data-testid="swipe-divider"]');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('swipe')?.endsWith(',30'));
    await page.waitForSelector('[data-testid="swipe-divider"][aria-valuenow="30"]');
    await rendered(page);
    const width = (await page.evaluate(() => window.__oneBlueprintMap!.getSize()![0]))!;
    const dividerOffset = width * 0.3 - width / 2;
    expect(await alphaAt(page, dividerOffset - 30, 'ob-swipe-left')).toBeGreaterThan(200);
    expect(await alphaAt(page, dividerOffset + 30, 'ob-swipe-left')).toBe(0);
    expect(await alphaAt(page, dividerOffset + 30, 'ob-swipe-right')).toBe(0);
    expect(await alphaAt(page, 100, 'ob-swipe-right')).toBeGreaterThan(200);
    await expect(page.getAttribute('[data-testid="swipe-divider"]', 'aria-valuenow')).resolves.toBe('30');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-swipe-1366x768.png') });
  });

  it('reopens the same view from a copied link', async () => {
    await page.fill(`[data-testid="layer-opacity-${code}"]`, '60');
    await setChecked(page, '[data-testid="layer-toggle-districts"]', true);
    await page.click(`[data-testid="layer-details-${code}"]`);
    await page.fill(`[data-testid="layer-asof-${code}"]`, DAY_OF_FIRST);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('asof'));
    const link = page.url();
    const view = () =>
      page.evaluate(() => {
        const v = window.__oneBlueprintMap!.getView();
        return { centre: v.getCenter()!, zoom: v.getZoom()! };
      });
    const before = await view();

    const second = await context.newPage();
    second.on('pageerror', (error) => pageErrors.push(error.message));
    await second.setViewportSize({ width: 1920, height: 1080 });
    await second.goto(link);
    await second.waitForSelector(`[data-testid="layer-asof-badge-${code}"]`, { timeout: 30_000 });
    await rendered(second);
    const after = await second.evaluate(() => {
      const v = window.__oneBlueprintMap!.getView();
      return { centre: v.getCenter()!, zoom: v.getZoom()! };
    });
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(after.centre[0]).toBeCloseTo(before.centre[0]!, 0);
    expect(after.centre[1]).toBeCloseTo(before.centre[1]!, 0);
    await expect(second.isChecked(`[data-testid="layer-toggle-${code}"]`)).resolves.toBe(true);
    await expect(second.isChecked('[data-testid="layer-toggle-districts"]')).resolves.toBe(true);
    await expect(second.isChecked('[data-testid="layer-toggle-land_use_plan"]')).resolves.toBe(false);
    await expect(second.inputValue(`[data-testid="layer-opacity-${code}"]`)).resolves.toBe('60');
    await expect(second.getAttribute('[data-testid="swipe-divider"]', 'aria-valuenow')).resolves.toBe('30');
    await expect(second.textContent(`[data-testid="layer-row-${code}"]`)).resolves.toContain(DAY_OF_FIRST);
    expect(new URL(second.url()).searchParams.get('swipe')).toBe(`${code}@${DAY_OF_FIRST},${code},30`);
    await second.screenshot({ path: path.join(SCREENSHOTS, 'workbench-swipe-1920x1080.png') });
    await second.close();

    // The workbench as a planner opens it, at both sizes.
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await openWorkbench('');
      await page.click(`[data-testid="layer-details-land_use_plan"]`);
      await page.waitForSelector('[data-testid="layer-legend-land_use_plan"]');
      await page.screenshot({ path: path.join(SCREENSHOTS, `workbench-${width}x${height}.png`) });
    }
    expect(pageErrors).toEqual([]);
  });
});

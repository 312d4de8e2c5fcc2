// The workbench's tools in a real headless Chromium against the real server and test database, signed in
// through the login page as the demo planner: the scale 1:N and the cursor's CGCS2000 and Gauss-Krüger
// coordinates (checked against PostGIS ST_Transform); a project found by part of its name in the locate box
// and chosen with the keyboard moves the map onto its site and puts it in the address, and the address
// reopens that view; Gauss-Krüger X/Y typed with and without the zone number centre the map there; an area
// measured by clicking the map agrees with PostGIS geography ST_Area within 0.1 % (and a length with
// ST_Length); the print downloads as a PNG and as a PDF with the CJK font embedded (pdffonts); an anonymous
// visitor finds a district and is offered the PNG only. Screenshots at 1366×768 and 1920×1080.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { launchChromium } from '../support/browser';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { signInThroughLoginPage } from '../support/login-page';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');

type LonLat = [number, number];

describe('workbench tools', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let project: { code: string; name: string; box: [number, number, number, number] };

  /** the view centre in lon/lat */
  function centre(target = page): Promise<LonLat> {
    return target.evaluate(() => {
      const view = window.__oneBlueprintMap!.getView();
      const [x, y] = view.getCenter()!;
      const r = 6_378_137;
      return [
        ((x! / r) * 180) / Math.PI,
        ((2 * Math.atan(Math.exp(y! / r)) - Math.PI / 2) * 180) / Math.PI,
      ] as LonLat;
    });
  }

  /** page coordinates of a lon/lat on the map */
  async function pixelOf([lon, lat]: LonLat): Promise<[number, number]> {
    const r = 6_378_137;
    const coordinate = [
      (r * lon * Math.PI) / 180,
      r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
    ];
    const [x, y] = await page.evaluate(
      (c) => window.__oneBlueprintMap!.getPixelFromCoordinate(c) as [number, number],
      coordinate,
    );
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    return [box.x + x, box.y + y];
  }

  async function goTo([lon, lat]: LonLat, zoom: number): Promise<void> {
    await page.evaluate(
      ({ lon, lat, zoom }) => {
        const r = 6_378_137;
        const view = window.__oneBlueprintMap!.getView();
        view.setCenter([
          (r * lon * Math.PI) / 180,
          r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
        ]);
        view.setZoom(zoom);
      },
      { lon, lat, zoom },
    );
    await page.waitForTimeout(300);
  }

  async function locate(text: string): Promise<void> {
    await page.fill('[data-testid="locate-input"]', '');
    await page.fill('[data-testid="locate-input"]', text);
  }

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    const { rows } = await pool.query<{ code: string; name: string; box: number[] }>(
      `SELECT p.code, p.name,
              ARRAY[ST_XMin(s.geom), ST_YMin(s.geom), ST_XMax(s.geom), ST_YMax(s.geom)] AS box
       FROM projects p JOIN project_site_versions s ON s.id = p.current_site_version_id
       WHERE p.name LIKE '%外环路小学%' LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    project = {
      code: rows[0]!.code,
      name: rows[0]!.name,
      box: rows[0]!.box as [number, number, number, number],
    };
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughLoginPage(page, server.url, 'planner');
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await pool.end();
  });

  async function screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(SCREENSHOTS, `workbench-${name}-${width}x${height}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(200);
  }

  it('shows the scale and the cursor in CGCS2000 lon/lat, 度分秒 and its Gauss-Krüger zone', async () => {
    await page.waitForSelector('[data-testid="map-scale"]');
    expect(await page.textContent('[data-testid="map-scale"]')).toMatch(/^比例尺 1:[\d,]+$/);
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.mouse.move(box.x + box.width * 0.6 + 3, box.y + box.height * 0.5 + 2);
    const lonLat = page.locator('[data-testid="cursor-lonlat"]');
    await lonLat.waitFor();
    const lon = Number(await lonLat.getAttribute('data-lon'));
    const lat = Number(await lonLat.getAttribute('data-lat'));
    expect(await lonLat.textContent()).toContain('CGCS2000');
    expect(await page.textContent('[data-testid="cursor-dms"]')).toMatch(
      /^\d+°\d\d′\d\d\.\d\d″E \d+°\d\d′\d\d\.\d\d″N$/,
    );
    const gk = page.locator('[data-testid="cursor-gk"]');
    expect(await gk.getAttribute('data-zone')).toBe('29');
    expect(await gk.textContent()).toContain('第29带（EPSG:4517）');
    const { rows } = await pool.query<{ x: number; y: number }>(
      `SELECT ST_Y(p) AS x, ST_X(p) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4490), 4517) p`,
      [lon, lat],
    );
    expect(Math.abs(Number(await gk.getAttribute('data-x')) - rows[0]!.x)).toBeLessThan(0.01);
    expect(Math.abs(Number(await gk.getAttribute('data-y')) - rows[0]!.y)).toBeLessThan(0.01);
    // the plain readout of the other pages is not shown twice here
    expect(await page.locator('.ob-mouse-position').count()).toBe(0);
  });

  it('finds a project by part of its name and, chosen by keyboard, moves the map onto its site', async () => {
    await locate(project.name.slice(3, 8));
    const result = page.locator(`[data-testid="locate-result"][data-code="${project.code}"]`);
    await result.waitFor({ timeout: 15_000 });
    expect(await page.getAttribute('[data-testid="locate-input"]', 'role')).toBe('combobox');
    // walk the list with the arrow keys to the project, then Enter
    const codes = await page
      .locator('[data-testid="locate-result"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    for (let i = 0; i < codes.indexOf(project.code); i++) await page.keyboard.press('ArrowDown');
    expect(await result.getAttribute('aria-selected')).toBe('true');
    await screenshot('locate-results');
    await page.keyboard.press('Enter');
    // the address is rewritten in place (replaceState), so no navigation to wait for
    await page.waitForFunction(
      (code) => {
        const params = new URL(location.href).searchParams;
        return params.get('project') === code && params.has('x');
      },
      project.code,
      { timeout: 10_000 },
    );
    const [lon, lat] = await centre();
    const [minLon, minLat, maxLon, maxLat] = project.box;
    expect(lon).toBeGreaterThanOrEqual(minLon);
    expect(lon).toBeLessThanOrEqual(maxLon);
    expect(lat).toBeGreaterThanOrEqual(minLat);
    expect(lat).toBeLessThanOrEqual(maxLat);
    await screenshot('project-located');
  }, 60_000);

  it('reopens the same view from the address', async () => {
    const url = page.url();
    const before = await centre();
    const zoom = await page.evaluate(() => window.__oneBlueprintMap!.getView().getZoom()!);
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await other.context().addCookies(await page.context().cookies());
    await other.goto(url);
    await other.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 60_000 });
    await other.waitForTimeout(500);
    const after = await centre(other);
    expect(Math.abs(after[0] - before[0])).toBeLessThan(1e-5);
    expect(Math.abs(after[1] - before[1])).toBeLessThan(1e-5);
    expect(await other.evaluate(() => window.__oneBlueprintMap!.getView().getZoom()!)).toBeCloseTo(zoom, 1);
    // the linked project is outlined again: one feature in the locate box's highlight layer
    await other.waitForFunction(
      () =>
        window
          .__oneBlueprintMap!.getAllLayers()
          .some(
            (layer) =>
              layer.getZIndex() === 9_700 &&
              ((layer.getSource() as { getFeatures?: () => unknown[] } | null)?.getFeatures?.().length ??
                0) === 1,
          ),
      null,
      { timeout: 15_000 },
    );
    await other.close();
  }, 90_000);

  it('centres the map on Gauss-Krüger X/Y typed with and without the zone number', async () => {
    const target: LonLat = [87.5832, 43.8251];
    const { rows } = await pool.query<{ x: number; y: number }>(
      `SELECT ST_Y(p) AS x, ST_X(p) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4490), 4517) p`,
      target,
    );
    const { x, y } = rows[0]!;
    for (const typed of [
      `${x.toFixed(2)}, ${y.toFixed(2)}`,
      `${x.toFixed(2)} ${(y - 29_000_000).toFixed(2)}`,
    ]) {
      await goTo([87.7, 43.9], 12);
      await locate(typed);
      await page.waitForSelector('[data-testid="locate-result"][data-kind="coordinates"]');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(200);
      const [lon, lat] = await centre();
      // within a centimetre or so (the view's centre is kept in Web Mercator metres)
      expect(Math.abs(lon - target[0]) * 80_000).toBeLessThan(0.05);
      expect(Math.abs(lat - target[1]) * 111_000).toBeLessThan(0.05);
    }
  });

  it('says in Chinese when the search cannot reach the server, and searches again on 重试', async () => {
    await page.route('**/api/v1/locate?*', (route) => route.abort('connectionrefused'));
    await locate('米东');
    const failure = page.locator('[data-testid="locate-results"] [role="alert"]');
    await failure.waitFor({ timeout: 15_000 });
    expect(await failure.textContent()).toContain('地名查找失败：无法连接空间服务');
    await screenshot('locate-error');
    await page.unroute('**/api/v1/locate?*');
    await failure.getByRole('button', { name: '重试' }).click();
    await page.waitForSelector('[data-testid="locate-result"][data-kind="district"]', { timeout: 15_000 });
    expect(await failure.count()).toBe(0);
    await page.keyboard.press('Escape');
  }, 60_000);

  it('measures an area by clicking the map, as PostGIS geography ST_Area within 0.1 %', async () => {
    const origin: LonLat = [87.6, 43.8];
    await goTo([origin[0] + 0.004, origin[1] + 0.002], 15);
    await page.click('[data-testid="tool-area"]');
    const corners: LonLat[] = [
      [origin[0], origin[1]],
      [origin[0] + 0.008, origin[1] + 0.0005],
      [origin[0] + 0.0075, origin[1] + 0.0045],
      [origin[0] + 0.001, origin[1] + 0.004],
    ];
    for (const corner of corners) {
      const [px, py] = await pixelOf(corner);
      await page.mouse.click(px, py);
      await page.waitForTimeout(120);
    }
    const [fx, fy] = await pixelOf(corners[0]!);
    await page.mouse.click(fx, fy);
    const result = page.locator('[data-testid="measure-result"][data-finished="true"]');
    await result.waitFor({ timeout: 10_000 });
    const ring = JSON.parse((await result.getAttribute('data-lonlat'))!) as LonLat[];
    expect(ring).toHaveLength(5);
    const wkt = `POLYGON((${ring.map((p) => `${p[0]} ${p[1]}`).join(',')}))`;
    const { rows } = await pool.query<{ area: number; perimeter: number }>(
      `SELECT ST_Area(g) AS area, ST_Perimeter(g) AS perimeter FROM ST_GeogFromText($1) g`,
      [wkt],
    );
    const area = Number(await result.getAttribute('data-area-m2'));
    expect(Math.abs(area - rows[0]!.area) / rows[0]!.area).toBeLessThan(0.001);
    expect(Math.abs(Number(await result.getAttribute('data-length-m')) - rows[0]!.perimeter)).toBeLessThan(
      0.05,
    );
    const text = await result.textContent();
    expect(text).toContain('m²');
    expect(text).toContain('公顷');
    expect(text).toContain('亩');
    // while measuring, clicks do not open the attribute card
    expect(await page.locator('[data-testid="feature-info"]').count()).toBe(0);
    await screenshot('measure-area');
  }, 60_000);

  it('measures a length as PostGIS geography ST_Length', async () => {
    await page.click('[data-testid="tool-length"]');
    const points: LonLat[] = [
      [87.6005, 43.8005],
      [87.6065, 43.8012],
      [87.607, 43.804],
    ];
    for (const [i, point] of points.entries()) {
      const [px, py] = await pixelOf(point);
      if (i === points.length - 1) await page.mouse.dblclick(px, py);
      else await page.mouse.click(px, py);
      await page.waitForTimeout(120);
    }
    const result = page.locator('[data-testid="measure-result"][data-kind="length"][data-finished="true"]');
    await result.waitFor({ timeout: 10_000 });
    const line = JSON.parse((await result.getAttribute('data-lonlat'))!) as LonLat[];
    const { rows } = await pool.query<{ length: number }>(`SELECT ST_Length(ST_GeogFromText($1)) AS length`, [
      `LINESTRING(${line.map((p) => `${p[0]} ${p[1]}`).join(',')})`,
    ]);
    expect(Math.abs(Number(await result.getAttribute('data-length-m')) - rows[0]!.length)).toBeLessThan(0.01);
    expect(await page.textContent('[data-testid="measure-length"]')).toMatch(/ (m|km)$/);
    await page.click('[data-testid="tool-length"]');
  }, 60_000);

  it('exports the view as a PNG and, through the server, as a PDF with the CJK font embedded', async () => {
    await page.click('[data-testid="tool-print"]');
    await page.fill('[data-testid="print-title"]', '天山区规划图');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="print-png"]')]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(1000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync((await png.path())!, path.join(SCREENSHOTS, 'workbench-export.png'));
    await page.waitForSelector('[data-testid="print-state"][data-status="done"][data-format="png"]');

    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid="print-pdf"]'),
    ]);
    const file = (await pdf.path())!;
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansCJK\S*.*\byes\s+yes\b/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('天山区规划图');
    expect(text).toContain('图例');
    expect(text).toMatch(/比例尺 1:[\d,]+/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      file,
      path.join(SCREENSHOTS, 'workbench-print-pdf'),
    ]);
    await page.waitForSelector('[data-testid="print-state"][data-status="done"][data-format="pdf"]');
    expect(Number(await page.getAttribute('[data-testid="print-state"]', 'data-bytes'))).toBe(bytes.length);
    await screenshot('print');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('speaks English after the language toggle', async () => {
    await page.click('[data-testid="language-toggle"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('[data-testid="tool-area"]')).toBe('Area');
    expect(await page.textContent('[data-testid="map-scale"]')).toMatch(/^Scale 1:[\d,]+$/);
    expect(await page.getAttribute('[data-testid="locate-input"]', 'placeholder')).toContain('Project');
    await page.click('[data-testid="language-toggle"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.textContent('[data-testid="tool-area"]')).toBe('测面');
  });

  it('lets an anonymous visitor find a district by name', async () => {
    const anonymous = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await anonymous.goto(server.url);
    await anonymous.waitForFunction(() => document.body.dataset.mapReady === 'true', null, {
      timeout: 60_000,
    });
    await anonymous.fill('[data-testid="locate-input"]', '米东');
    await anonymous.waitForSelector('[data-testid="locate-result"][data-kind="district"]', {
      timeout: 15_000,
    });
    expect(await anonymous.locator('[data-testid="locate-result"][data-kind="project"]').count()).toBe(0);
    await anonymous.keyboard.press('Enter');
    await anonymous.waitForTimeout(300);
    const { rows } = await pool.query<{ box: number[] }>(
      `SELECT ARRAY[ST_XMin(f.geom), ST_YMin(f.geom), ST_XMax(f.geom), ST_YMax(f.geom)] AS box
       FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
       WHERE l.code = 'districts' AND f.properties->>'name' = '米东区'`,
    );
    const [lon, lat] = await centre(anonymous);
    const [minLon, minLat, maxLon, maxLat] = rows[0]!.box;
    expect(lon).toBeGreaterThan(minLon!);
    expect(lon).toBeLessThan(maxLon!);
    expect(lat).toBeGreaterThan(minLat!);
    expect(lat).toBeLessThan(maxLat!);
    // the PDF is made for signed-in users: anonymously the print offers the PNG only
    await anonymous.click('[data-testid="tool-print"]');
    await anonymous.waitForSelector('[data-testid="print-png"]');
    expect(await anonymous.locator('[data-testid="print-pdf"]').count()).toBe(0);
    await anonymous.close();
  }, 90_000);
});
